/**
 * The 记积分 form, kept on the phone until the server has accepted it (UX.md: forms keep their draft
 * locally; weak networks). The Idempotency-Key is kept with it, so a retry after a lost answer — even
 * after the phone restarted the app — is the same write and never records the item twice.
 */
import Taro from '@tarojs/taro';
import type { PointsPhoto } from '@village/shared';

export type RecordMode = 'leader' | 'self';

export interface PickedHousehold {
  id: string;
  number: string;
  label: string;
}

export interface RecordDraft {
  household: PickedHousehold | null;
  residentId: string | null;
  itemCode: string | null;
  occurredOn: string;
  note: string;
  photos: Array<PointsPhoto & { fileName: string }>;
  /** The Idempotency-Key of this exact content; a new one whenever something is changed. */
  key: string;
}

const storageKey = (mode: RecordMode) => `village.points.recordDraft.${mode}`;

export function saveRecordDraft(mode: RecordMode, draft: RecordDraft): void {
  try {
    Taro.setStorageSync(storageKey(mode), JSON.stringify(draft));
  } catch {
    // Storage full or blocked: the form still works, it is just not kept.
  }
}

/** The kept form, when it has anything worth restoring. */
export function readRecordDraft(mode: RecordMode): RecordDraft | null {
  try {
    const raw: unknown = Taro.getStorageSync(storageKey(mode));
    if (typeof raw !== 'string' || raw === '') return null;
    const d = JSON.parse(raw) as Partial<RecordDraft>;
    if (typeof d !== 'object' || d === null || typeof d.key !== 'string' || typeof d.occurredOn !== 'string') return null;
    const draft: RecordDraft = {
      household: d.household && typeof d.household.id === 'string' ? d.household : null,
      residentId: typeof d.residentId === 'string' ? d.residentId : null,
      itemCode: typeof d.itemCode === 'string' ? d.itemCode : null,
      occurredOn: d.occurredOn,
      note: typeof d.note === 'string' ? d.note : '',
      photos: Array.isArray(d.photos) ? d.photos : [],
      key: d.key,
    };
    // A self-report's household is always the person's own: only what they typed counts.
    const empty = (mode === 'self' || !draft.household) && !draft.itemCode && draft.note.trim() === '' && draft.photos.length === 0;
    return empty ? null : draft;
  } catch {
    return null;
  }
}

export function clearRecordDraft(mode: RecordMode): void {
  try {
    Taro.removeStorageSync(storageKey(mode));
  } catch {
    // nothing kept
  }
}
