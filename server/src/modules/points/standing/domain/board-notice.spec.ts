import { NOTICE_BODY_MAX, parseNoticeBody } from '@village/shared';
import { boardNotice } from './board-notice';

describe('honour-board notice', () => {
  const red = [{ label: '0012号 张*华家', reason: '本季 12.4 分，全村第 1 名（红榜取前 10%）' }];
  const black = [{ label: '0003号 李*家', reason: '本季有负面清单记录：N02 参与封建迷信活动' }];

  it('thanks the red list and words the black list as needing help, with 帮扶 and basic rights untouched', () => {
    const { title, body } = boardNotice('2026-Q3', red, black);
    expect(title).toBe('2026年第三季度积分红黑榜');
    expect(body).toContain('## 红榜\n\n感谢下面这些农户');
    expect(body).toContain('- 0012号 张*华家：本季 12.4 分，全村第 1 名（红榜取前 10%）');
    expect(body).toContain('## 需要帮助改进');
    expect(body).toContain('1对1 上门帮扶');
    expect(body).toContain('- 0003号 李*家：本季有负面清单记录：N02 参与封建迷信活动');
    expect(body).toContain('不影响任何人的选举权和表决权，不影响低保和其他基本权利');
    expect(body).toContain('只在一个评议周期内暂停评优评先等优惠奖励');
    expect(body).not.toContain('黑榜：');
    // It is a well-formed notice body: two headings and two bullet lists.
    const blocks = parseNoticeBody(body);
    expect(blocks.filter((b) => b.type === 'heading')).toHaveLength(2);
    expect(blocks.filter((b) => b.type === 'list')).toHaveLength(2);
  });

  it('says so when a list is empty, and leaves out the rights paragraph when nobody needs help', () => {
    const { body } = boardNotice('2026-Q4', [], []);
    expect(body).toContain('本季度没有农户上红榜。');
    expect(body).toContain('本季度没有需要帮助改进的农户');
    expect(body).not.toContain('低保');
  });

  it('keeps every name but drops the reasons when the lists would not fit a notice', () => {
    const many = Array.from({ length: 600 }, (_, i) => ({ label: `${String(i).padStart(4, '0')}号 王*家`, reason: '本季有负面清单记录：N02 参与封建迷信活动，屡教不改' }));
    const { body } = boardNotice('2026-Q3', red, many);
    expect(body.length).toBeLessThanOrEqual(NOTICE_BODY_MAX);
    expect(body).toContain('0599号 王*家');
    expect(body).not.toContain('屡教不改');
  });
});
