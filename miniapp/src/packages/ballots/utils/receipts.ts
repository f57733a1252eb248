/**
 * Receipts of secret ballots on this phone. The server shows a receipt code once, in the answer to
 * the vote; the app keeps it (Taro storage, one entry per ballot) so the ballot and result pages can
 * show it again and find it in the public receipt list after closing.
 *
 * A vote whose answer never arrived is kept as "pending": the Idempotency-Key and the confirmed
 * choice. Sending it again with the same key either records the vote or, when the first try did
 * arrive, replays the first answer with its receipt code — so a lost answer never loses the receipt.
 * The server keeps keys for a day; older pending entries are dropped.
 */
import Taro from '@tarojs/taro';
import { RECEIPT_CODE_PATTERN } from '@village/shared';

const RECEIPT_PREFIX = 'village.ballots.receipt.';
const PENDING_PREFIX = 'village.ballots.pending.';
/** A little under the server's 24 hours, so a replay is never attempted with a forgotten key. */
export const PENDING_MAX_AGE_MS = 23 * 3_600_000;

export interface StoredReceipt {
  code: string;
  /** When the vote was recorded (ISO, from the server). */
  at: string;
}

export interface PendingVote {
  key: string;
  choices: string[];
  /** When the person confirmed (ISO, phone clock). */
  at: string;
}

function readJson(key: string): unknown {
  try {
    const raw: unknown = Taro.getStorageSync(key);
    if (typeof raw !== 'string' || raw === '') return null;
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}

function writeJson(key: string, value: unknown): boolean {
  try {
    Taro.setStorageSync(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

function remove(key: string): void {
  try {
    Taro.removeStorageSync(key);
  } catch {
    // Storage blocked: nothing was kept either.
  }
}

/** Keeps the receipt; false when the phone refused to store it (the page then says so). */
export function saveReceipt(ballotId: string, receipt: StoredReceipt): boolean {
  return writeJson(RECEIPT_PREFIX + ballotId, receipt);
}

export function readReceipt(ballotId: string): StoredReceipt | null {
  const v = readJson(RECEIPT_PREFIX + ballotId) as Partial<StoredReceipt> | null;
  return v && typeof v.code === 'string' && RECEIPT_CODE_PATTERN.test(v.code) && typeof v.at === 'string' ? { code: v.code, at: v.at } : null;
}

export function savePendingVote(ballotId: string, pending: PendingVote): void {
  writeJson(PENDING_PREFIX + ballotId, pending);
}

export function readPendingVote(ballotId: string, nowMs: number = Date.now()): PendingVote | null {
  const v = readJson(PENDING_PREFIX + ballotId) as Partial<PendingVote> | null;
  if (!v || typeof v.key !== 'string' || !Array.isArray(v.choices) || typeof v.at !== 'string') return null;
  const age = nowMs - Date.parse(v.at);
  if (Number.isNaN(age) || age > PENDING_MAX_AGE_MS) {
    clearPendingVote(ballotId);
    return null;
  }
  return { key: v.key, choices: v.choices.filter((c): c is string => typeof c === 'string'), at: v.at };
}

export function clearPendingVote(ballotId: string): void {
  remove(PENDING_PREFIX + ballotId);
}

/**
 * What a person typed as a receipt code, made into the printed form "K7QX-3MZP-9DTA": upper case,
 * spaces and dashes ignored, and the letters people confuse with digits read as the digits
 * (O → 0, I and L → 1; the code never uses them). null when it cannot be a receipt code.
 */
export function normaliseReceiptCode(text: string): string | null {
  const plain = text
    .toUpperCase()
    .replace(/[\s\-－—–_]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (plain.length !== 12) return null;
  const code = `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}`;
  return RECEIPT_CODE_PATTERN.test(code) ? code : null;
}

/** The receipt with this code in the public list, and where it is (for highlighting), or null. */
export function findReceipt<T extends { code: string }>(receipts: readonly T[], code: string): { index: number; receipt: T } | null {
  const index = receipts.findIndex((r) => r.code === code);
  return index < 0 ? null : { index, receipt: receipts[index] };
}
