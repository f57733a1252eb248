/**
 * Replies to my proposals that I have not opened yet (首页's 待我办, UX.md): the proposal page notes
 * each of my answered proposals once I have seen it, on this phone. A held one (未公开) counts too,
 * so its author learns why.
 */
import Taro from '@tarojs/taro';
import type { ProposalListItem } from '@village/shared';

const KEY = 'village.proposals.seenReplies';
const KEEP = 200;

function read(): string[] {
  try {
    const raw: unknown = Taro.getStorageSync(KEY);
    const list = typeof raw === 'string' && raw !== '' ? (JSON.parse(raw) as unknown) : [];
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** `<id>:<answeredOn or held>` — a later reply or decision shows again. */
function marker(item: Pick<ProposalListItem, 'id' | 'status' | 'reply'>): string | null {
  if (item.status === 'held') return `${item.id}:held`;
  if (item.reply?.answeredOn) return `${item.id}:${item.reply.answeredOn}`;
  return null;
}

export function noteReplySeen(item: Pick<ProposalListItem, 'id' | 'status' | 'reply' | 'mine'>): void {
  const mark = item.mine ? marker(item) : null;
  if (!mark) return;
  const seen = read();
  if (seen.includes(mark)) return;
  try {
    Taro.setStorageSync(KEY, JSON.stringify([...seen, mark].slice(-KEEP)));
  } catch {
    // Not kept: the row shows once more.
  }
}

/** My proposals answered (or held) since I last opened them. */
export function unseenReplies(items: readonly ProposalListItem[]): ProposalListItem[] {
  const seen = new Set(read());
  return items.filter((i) => {
    const mark = i.mine ? marker(i) : null;
    return mark !== null && !seen.has(mark);
  });
}
