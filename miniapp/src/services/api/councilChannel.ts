import { http, type Result } from '../http';

/** What the server says about a village's WeChat group (一村一群). */
export interface CouncilChannelInfo {
  villageId: string;
  villageName: string;
  channelName: string;
  boundAt: string;
}

export interface EncryptedShare {
  encryptedData: string;
  iv: string;
}

/** POST /api/council-channel/bind — committee: this group is our 村民议事群. */
export const bindCouncilChannel = (share: EncryptedShare): Promise<Result<CouncilChannelInfo>> =>
  http.post<CouncilChannelInfo>('/council-channel/bind', { ...share });

/** POST /api/council-channel/enter — opened from a group's share card: which village is it? */
export const enterCouncilChannel = (share: EncryptedShare): Promise<Result<CouncilChannelInfo>> =>
  http.post<CouncilChannelInfo>('/council-channel/enter', { ...share });
