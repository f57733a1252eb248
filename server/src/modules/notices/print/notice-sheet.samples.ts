import { parseNoticeBody } from '@village/shared';
import type { NoticeSheetInput } from './notice-sheet';

/*
 * Realistic sheets for the tests and for docs/samples (server/src/cli/notice-sheet-sample.ts). The
 * village is the demo village (土岭底村); the wording follows the pilot reports' finance disclosure
 * (财务收支、财政奖补资金、集体资产经营; 村两委商议、村民代表审议、村务监督委员会审核). People are
 * invented. Bodies go through parseNoticeBody, as a clerk's text would.
 */

export const FINANCE_NOTICE_TITLE = '土岭底村2026年10月财务收支情况公开';

/** A monthly finance notice (月公示) as a 收支明细表; fits on one page with its QR code. */
export function financeNoticeSheet(overrides: Partial<NoticeSheetInput> = {}): NoticeSheetInput {
  const body = [
    '现将本村2026年10月财务收支情况公开如下。月初余额 152,386.40 元，本月收入 **83,650.00 元**、支出 **81,712.50 元**，月末余额 **154,323.90 元**。',
    '',
    '| 日期 | 摘要 | 收入（元） | 支出（元） |',
    '|---|---|---:|---:|',
    '| 10月5日 | 集体耕地承包费（第二批） | 46,800.00 | |',
    '| 10月9日 | 南坪组村道坑洼修补（水泥、沙石、人工） | | 23,400.00 |',
    '| 10月12日 | 闲置办公房租金 | 12,000.00 | |',
    '| 10月25日 | 保洁员劳务费（7—10月） | | 20,726.50 |',
    '| 10月28日 | 村集体光伏电站发电收益 | 24,850.00 | |',
    '| 10月30日 | 村干部误工补贴（第三季度） | | 37,586.00 |',
    '| 合计 | | 83,650.00 | 81,712.50 |',
    '',
    '以上支出均经村两委商议、村民代表审议和村务监督委员会审核，原始凭证存村会计处，公开期内可以查阅。',
  ].join('\n');
  return {
    villageName: '土岭底村',
    kindLabel: '财务公开',
    title: FINANCE_NOTICE_TITLE,
    blocks: parseNoticeBody(body),
    window: { startsOn: '2026-11-01', endsOn: '2026-11-07' },
    publishedAt: '2026-10-31T09:00:00+08:00',
    shareUrl: 'https://cunmin.example.cn/notices/3f6b1c9e-2a4d-4b8e-9c71-5d2e8a0f4b13',
    supersedes: null,
    signoff: { by: '韩满仓', at: '2026-10-30T16:20:00+08:00' },
    ...overrides,
  };
}

export const LONG_NOTICE_TITLE = '2026年耕地地力保护补贴发放名单公示（更正）';
export const LONG_NOTICE_ROWS = 150;

const SURNAMES = ['郭', '王', '李', '张', '赵', '杨', '刘', '任', '韩', '史', '武', '段', '梁', '闫', '贾'];
const GIVEN = ['建平', '秀英', '国强', '桂兰', '志刚', '玉梅', '保平', '翠花', '永红', '春梅', '新民', '凤英', '海军'];

/** A village notice with a 150-row table (several pages), a correction and a long paragraph. */
export function longNoticeSheet(overrides: Partial<NoticeSheetInput> = {}): NoticeSheetInput {
  const rows: string[] = [];
  for (let k = 1; k <= LONG_NOTICE_ROWS; k += 1) {
    const name = SURNAMES[(k * 7) % SURNAMES.length] + GIVEN[(k * 5) % GIVEN.length];
    const group = k % 3 === 0 ? '南坪组' : '土岭底组';
    const tenths = 12 + ((k * 37) % 60); // 1.2 – 7.1 亩
    const mu = `${Math.floor(tenths / 10)}.${tenths % 10}`;
    const yuan = ((tenths * 1254) / 10).toFixed(2); // 125.40 元/亩
    const note = k % 25 === 0 ? '本户于2026年6月分户，按分户后面积计算，已经村民代表会议审议通过' : '';
    rows.push(`| 第${String(k).padStart(3, '0')}户 | ${name} | ${group} | ${mu} | ${yuan} | ${note} |`);
  }
  const body = [
    '# 一、发放依据',
    '根据县农业农村局关于做好2026年耕地地力保护补贴发放工作的通知，补贴面积以二轮承包面积为准，标准为每亩 **125.40 元**，通过“一卡通”直接发放到户。',
    '',
    '# 二、发放名单',
    '| 序号 | 户主 | 所在组 | 面积（亩） | 金额（元） | 备注 |',
    '|---|---|---|---:|---:|---|',
    ...rows,
    '',
    '# 三、注意事项',
    '1. 请各户核对本户面积和金额，如有出入，公示期内向本组网格员或村委会提出。',
    '2. 公示期满无异议的，由乡财政所统一发放。',
    '3. 已故户主的补贴由继承人持相关证明到村委会办理变更。',
    '',
    '- 村委会电话：0355-7xxxxxx',
    '- 网格员：第一网格郭建平，第二网格王秀英，第三网格李国强',
  ].join('\n');
  return {
    villageName: '土岭底村',
    kindLabel: '村务公开',
    title: LONG_NOTICE_TITLE,
    blocks: parseNoticeBody(body),
    window: { startsOn: '2026-11-20', endsOn: '2026-11-29' },
    publishedAt: '2026-11-19T17:45:00+08:00',
    shareUrl: 'https://cunmin.example.cn/notices/8d0e4f7a-61b2-4c3d-a9e5-0f1b2c3d4e5f',
    supersedes: '2026年耕地地力保护补贴发放名单公示',
    signoff: null,
    ...overrides,
  };
}
