/**
 * 一村一群 on weapp: when the app is opened from a share card in a WeChat group, the launch carries a
 * `shareTicket`. Signed in, we ask WeChat for the group's encrypted id (Taro.getShareInfo) and the
 * server says which village's 村民议事群 it is (POST /api/council-channel/enter); a committee member
 * can bind an unbound group to the village from there (POST /api/council-channel/bind).
 * H5 never has a share ticket, so all of this stays idle there.
 */
import Taro from '@tarojs/taro';
import { bindCouncilChannel, enterCouncilChannel, type CouncilChannelInfo, type EncryptedShare } from './api/councilChannel';
import type { Result } from './http';

let shareTicket: string | null = null;

/** Remembers the group share ticket of a launch or a return to the app (weapp). */
export function captureShareTicket(options: { shareTicket?: string } | null | undefined): void {
  if (options?.shareTicket) shareTicket = options.shareTicket;
}

export function pendingShareTicket(): string | null {
  return shareTicket;
}

export function forgetShareTicket(): void {
  shareTicket = null;
}

async function encryptedShare(ticket: string): Promise<EncryptedShare | null> {
  try {
    const info = await Taro.getShareInfo({ shareTicket: ticket });
    return info.encryptedData && info.iv ? { encryptedData: info.encryptedData, iv: info.iv } : null;
  } catch {
    return null;
  }
}

export type ChannelOutcome = { kind: 'none' } | { kind: 'unreadable' } | { kind: 'result'; result: Result<CouncilChannelInfo> };

/** Which village's group the app was opened from; `none` without a share ticket. */
export async function enterFromShareTicket(): Promise<ChannelOutcome> {
  if (!shareTicket) return { kind: 'none' };
  const share = await encryptedShare(shareTicket);
  if (!share) return { kind: 'unreadable' };
  return { kind: 'result', result: await enterCouncilChannel(share) };
}

/** Committee: binds the group the app was opened from as the village's 村民议事群. */
export async function bindGroupFromShareTicket(): Promise<ChannelOutcome> {
  if (!shareTicket) return { kind: 'none' };
  const share = await encryptedShare(shareTicket);
  if (!share) return { kind: 'unreadable' };
  return { kind: 'result', result: await bindCouncilChannel(share) };
}
