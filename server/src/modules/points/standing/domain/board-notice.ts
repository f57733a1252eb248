import { NOTICE_BODY_MAX, quarterLabel } from '@village/shared';

export interface BoardNoticeLine {
  /** Masked: "0012号 张*华家". */
  label: string;
  reason: string;
}

/**
 * The honour-board notice (公开栏 and mini-program): the 红榜 with thanks, the black list as households
 * that need help, with the committee's promise of 1对1帮扶 and — in words, because that is what
 * villagers worry about — that it never touches voting, 低保 or any other basic right; 安家村's rule
 * only suspends preferential extras for one cycle.
 */
export function boardNotice(quarter: string, red: readonly BoardNoticeLine[], black: readonly BoardNoticeLine[]): { title: string; body: string } {
  const title = `${quarterLabel(quarter)}积分红黑榜`;
  const full = boardBody(quarter, red, black, true);
  // A very large list loses its reasons (they stay on the 红黑榜 page) rather than the names.
  return { title, body: full.length <= NOTICE_BODY_MAX ? full : boardBody(quarter, red, black, false) };
}

function boardBody(quarter: string, red: readonly BoardNoticeLine[], black: readonly BoardNoticeLine[], withReasons: boolean): string {
  const list = (lines: readonly BoardNoticeLine[]): string =>
    withReasons ? lines.map((l) => `- ${l.label}：${l.reason}`).join('\n') : lines.map((l) => l.label).join('、');
  const parts = [`${quarterLabel(quarter)}的积分已经公示完毕，按本村积分细则和积分设置评出红黑榜。`, '## 红榜'];
  if (red.length === 0) parts.push('本季度没有农户上红榜。');
  else parts.push('感谢下面这些农户，本季度为村里做了好事、守了规矩：', list(red));
  parts.push('## 需要帮助改进');
  if (black.length === 0) {
    parts.push('本季度没有需要帮助改进的农户，谢谢大家。');
  } else {
    parts.push(
      '下面这些农户本季度需要帮助改进。村“两委”和党员会 1对1 上门帮扶，陪大家一起改好，下个季度争取上红榜：',
      list(black),
      '**上榜不影响任何人的选举权和表决权，不影响低保和其他基本权利。**按村规民约，只在一个评议周期内暂停评优评先等优惠奖励。',
    );
  }
  parts.push('对名单有疑问，请找村“两委”或村务监督委员会。');
  return parts.join('\n\n');
}
