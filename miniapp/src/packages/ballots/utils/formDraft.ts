/**
 * A new ballot's form, kept on the phone while the clerk writes it (UX.md: forms keep their draft
 * locally), so a lost signal or a phone call does not lose the text. Cleared once saved.
 */
import Taro from '@tarojs/taro';
import type { BallotForm } from './form';

const KEY = 'village.ballots.newForm';

export function saveFormDraft(form: BallotForm): void {
  try {
    Taro.setStorageSync(KEY, JSON.stringify(form));
  } catch {
    // Storage full or blocked: the form still works, it is just not kept.
  }
}

/** The kept form, when it has anything worth restoring (a title, a description or options). */
export function readFormDraft(): BallotForm | null {
  try {
    const raw: unknown = Taro.getStorageSync(KEY);
    if (typeof raw !== 'string' || raw === '') return null;
    const form = JSON.parse(raw) as BallotForm;
    if (typeof form !== 'object' || form === null || typeof form.title !== 'string' || !Array.isArray(form.options)) return null;
    const worth = form.title.trim() !== '' || (typeof form.description === 'string' && form.description.trim() !== '') || form.options.some((o) => o.trim() !== '');
    return worth ? form : null;
  } catch {
    return null;
  }
}

export function clearFormDraft(): void {
  try {
    Taro.removeStorageSync(KEY);
  } catch {
    // nothing kept
  }
}
