/**
 * The 我要提议 form, kept on the phone while the villager writes it (UX.md: forms keep their draft
 * locally), so a lost signal or a phone call does not lose the text. Cleared once submitted.
 */
import Taro from '@tarojs/taro';
import type { ProposalFile } from '@village/shared';
import type { CreateForm } from './form';

const KEY = 'village.proposals.newForm';

export interface CreateDraft extends CreateForm {
  photos: ProposalFile[];
}

export function saveCreateDraft(draft: CreateDraft): void {
  try {
    Taro.setStorageSync(KEY, JSON.stringify(draft));
  } catch {
    // Storage full or blocked: the form still works, it is just not kept.
  }
}

/** The kept form, when it has anything worth restoring. */
export function readCreateDraft(): CreateDraft | null {
  try {
    const raw: unknown = Taro.getStorageSync(KEY);
    if (typeof raw !== 'string' || raw === '') return null;
    const d = JSON.parse(raw) as CreateDraft;
    if (typeof d !== 'object' || d === null || typeof d.title !== 'string' || typeof d.body !== 'string') return null;
    const photos = Array.isArray(d.photos) ? d.photos : [];
    if (d.title.trim() === '' && d.body.trim() === '' && photos.length === 0) return null;
    return { title: d.title, body: d.body, categoryCode: typeof d.categoryCode === 'string' ? d.categoryCode : null, photos };
  } catch {
    return null;
  }
}

export function clearCreateDraft(): void {
  try {
    Taro.removeStorageSync(KEY);
  } catch {
    // nothing kept
  }
}
