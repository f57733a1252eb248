import type { VillageSummary } from '@village/shared';
import { http, type Result } from '../http';

/** GET /api/villages/current — the village the app is for, with the counts the home page shows. */
export const getCurrentVillage = (): Promise<Result<VillageSummary>> => http.get<VillageSummary>('/villages/current');
