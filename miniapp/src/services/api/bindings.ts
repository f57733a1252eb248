import type { IssuedBindingCode } from '@village/shared';
import { http, type Result } from '../http';

/** POST /api/residents/:id/binding-codes — a new one-time code (the old one stops working). */
export const issueBindingCode = (residentId: string): Promise<Result<IssuedBindingCode>> =>
  http.post<IssuedBindingCode>(`/residents/${encodeURIComponent(residentId)}/binding-codes`);

/** POST /api/residents/:id/unbind (204) — lost phone or new WeChat; audited. */
export const unbindResident = (residentId: string, reason: string): Promise<Result<void>> =>
  http.post<void>(`/residents/${encodeURIComponent(residentId)}/unbind`, { reason });
