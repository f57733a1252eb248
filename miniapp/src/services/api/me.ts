import type { CorrectionRequestView, CreateCorrectionRequest, Me, Page } from '@village/shared';
import { http, type Result } from '../http';

/** GET /api/me — account, bound resident, household and roles (phone and ID masked). */
export const getMe = (): Promise<Result<Me>> => http.get<Me>('/me');

/** POST /api/me/privacy-consent — records agreement to this version of the privacy notice. */
export const agreePrivacy = (version: string): Promise<Result<Me>> => http.post<Me>('/me/privacy-consent', { version });

/** POST /api/me/id-number-consent — separate consent before an ID number is collected (PIPL art. 29). */
export const agreeIdNumber = (): Promise<Result<Me>> => http.post<Me>('/me/id-number-consent');

/** POST /api/me/binding — redeems the committee's 6-character code; answers with the new Me. */
export const redeemBindingCode = (code: string): Promise<Result<Me>> =>
  http.post<Me>('/me/binding', { code }, { retries: 0 });

/** POST /api/me/correction-requests — ask the committee to correct my own information (PIPL art. 46). */
export const createCorrectionRequest = (body: CreateCorrectionRequest): Promise<Result<CorrectionRequestView>> =>
  http.post<CorrectionRequestView>('/me/correction-requests', { ...body });

/** GET /api/me/correction-requests — my requests, newest first, with the committee's answers. */
export const listMyCorrectionRequests = (page = 1, pageSize = 50): Promise<Result<Page<CorrectionRequestView>>> =>
  http.get<Page<CorrectionRequestView>>('/me/correction-requests', { page, pageSize });
