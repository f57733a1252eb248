import type { NoticeBlock } from '../types/notice';
import { NOTICE_BODY_MAX } from '../types/notice';
import { NOTICE_TABLE_COLUMNS_MAX, noticeBodyToPlainText, parseNoticeBody } from './notice-body';

const paragraph = (text: string): NoticeBlock => ({ type: 'paragraph', spans: [{ text }] });

describe('parseNoticeBody', () => {
  describe('paragraphs', () => {
    it('returns no blocks for empty or blank input', () => {
      expect(parseNoticeBody('')).toEqual([]);
      expect(parseNoticeBody('   \n\n \t \n')).toEqual([]);
    });

    it('splits paragraphs at blank lines', () => {
      expect(parseNoticeBody('第一段。\n\n第二段。\n \n\n第三段。')).toEqual([
        paragraph('第一段。'),
        paragraph('第二段。'),
        paragraph('第三段。'),
      ]);
    });

    it('keeps a single line break inside a paragraph as \\n in the text', () => {
      expect(parseNoticeBody('经办人：张三\n审核人：李四')).toEqual([paragraph('经办人：张三\n审核人：李四')]);
    });

    it('trims ASCII spaces around lines but keeps the full-width indent of a Chinese paragraph', () => {
      expect(parseNoticeBody('   \u3000\u3000现将有关情况公示如下。   ')).toEqual([paragraph('\u3000\u3000现将有关情况公示如下。')]);
    });

    it('treats CRLF, CR and Unicode line separators like LF', () => {
      const expected = [paragraph('甲\n乙'), paragraph('丙')];
      expect(parseNoticeBody('甲\r\n乙\r\n\r\n丙')).toEqual(expected);
      expect(parseNoticeBody('甲\r乙\r\r丙')).toEqual(expected);
      expect(parseNoticeBody('甲\u2028乙\u2029\u2029丙')).toEqual(expected);
    });
  });

  describe('headings', () => {
    it('reads # and ## headings', () => {
      expect(parseNoticeBody('# 2026年第三季度财务收支公开\n## 一、收入')).toEqual([
        { type: 'heading', level: 1, spans: [{ text: '2026年第三季度财务收支公开' }] },
        { type: 'heading', level: 2, spans: [{ text: '一、收入' }] },
      ]);
    });

    it('ends a paragraph without needing a blank line', () => {
      expect(parseNoticeBody('说明文字\n## 二、支出\n支出明细')).toEqual([
        paragraph('说明文字'),
        { type: 'heading', level: 2, spans: [{ text: '二、支出' }] },
        paragraph('支出明细'),
      ]);
    });

    it('allows bold inside a heading', () => {
      expect(parseNoticeBody('## 合计 **128,450.00** 元')).toEqual([
        { type: 'heading', level: 2, spans: [{ text: '合计 ' }, { text: '128,450.00', bold: true }, { text: ' 元' }] },
      ]);
    });

    it('leaves ###, #-without-space and indented-by-4 markers as text', () => {
      expect(parseNoticeBody('### 三级')).toEqual([paragraph('### 三级')]);
      expect(parseNoticeBody('#话题')).toEqual([paragraph('#话题')]);
      expect(parseNoticeBody('    # 缩进')).toEqual([paragraph('# 缩进')]);
    });

    it('drops a heading with no text', () => {
      expect(parseNoticeBody('# \n正文')).toEqual([paragraph('正文')]);
      expect(parseNoticeBody('#')).toEqual([paragraph('#')]);
    });
  });

  describe('lists', () => {
    it('reads bullet lists', () => {
      expect(parseNoticeBody('- 修缮村道\n- 更换路灯')).toEqual([
        { type: 'list', ordered: false, items: [[{ text: '修缮村道' }], [{ text: '更换路灯' }]] },
      ]);
    });

    it('reads numbered lists counting up from 1', () => {
      expect(parseNoticeBody('1. 提议\n2. 商议\n3. 审议\n4. 决议')).toEqual([
        {
          type: 'list',
          ordered: true,
          items: [[{ text: '提议' }], [{ text: '商议' }], [{ text: '审议' }], [{ text: '决议' }]],
        },
      ]);
    });

    it('keeps numbers that do not follow on as text, so villagers see the number typed', () => {
      expect(parseNoticeBody('3. 第三条')).toEqual([paragraph('3. 第三条')]);
      expect(parseNoticeBody('1. 甲\n2. 乙\n4. 丁')).toEqual([
        { type: 'list', ordered: true, items: [[{ text: '甲' }], [{ text: '乙' }]] },
        paragraph('4. 丁'),
      ]);
      // "1." again starts a new list, which renderers number from 1 again.
      expect(parseNoticeBody('1. 甲\n1. 乙')).toEqual([
        { type: 'list', ordered: true, items: [[{ text: '甲' }]] },
        { type: 'list', ordered: true, items: [[{ text: '乙' }]] },
      ]);
    });

    it('lets a list follow a paragraph line directly and an unindented line end it', () => {
      expect(parseNoticeBody('公示事项如下：\n- 甲\n- 乙\n特此公告。')).toEqual([
        paragraph('公示事项如下：'),
        { type: 'list', ordered: false, items: [[{ text: '甲' }], [{ text: '乙' }]] },
        paragraph('特此公告。'),
      ]);
    });

    it('continues an item with indented lines, flattening nested markers into its text', () => {
      expect(parseNoticeBody('1. 收入\n  - 租金\n  - 补贴\n2. 支出\n    详见下表')).toEqual([
        {
          type: 'list',
          ordered: true,
          items: [[{ text: '收入\n- 租金\n- 补贴' }], [{ text: '支出\n详见下表' }]],
        },
      ]);
    });

    it('starts a new list when the kind changes', () => {
      expect(parseNoticeBody('- 甲\n1. 乙')).toEqual([
        { type: 'list', ordered: false, items: [[{ text: '甲' }]] },
        { type: 'list', ordered: true, items: [[{ text: '乙' }]] },
      ]);
    });

    it('separates lists at blank lines', () => {
      expect(parseNoticeBody('- 甲\n\n- 乙')).toEqual([
        { type: 'list', ordered: false, items: [[{ text: '甲' }]] },
        { type: 'list', ordered: false, items: [[{ text: '乙' }]] },
      ]);
    });

    it('needs a space and some text after the marker', () => {
      expect(parseNoticeBody('-5℃\n-\n1.5 元\n2026.')).toEqual([paragraph('-5℃\n-\n1.5 元\n2026.')]);
    });

    it('parses bold inside items', () => {
      expect(parseNoticeBody('- 金额 **500** 元')).toEqual([
        { type: 'list', ordered: false, items: [[{ text: '金额 ' }, { text: '500', bold: true }, { text: ' 元' }]] },
      ]);
    });
  });

  describe('bold', () => {
    it('splits spans at **pairs**', () => {
      expect(parseNoticeBody('本月**收入**合计**128,450.00元**。')).toEqual([
        {
          type: 'paragraph',
          spans: [{ text: '本月' }, { text: '收入', bold: true }, { text: '合计' }, { text: '128,450.00元', bold: true }, { text: '。' }],
        },
      ]);
    });

    it('works next to Chinese punctuation (no CommonMark flanking rules)', () => {
      expect(parseNoticeBody('**“一事一议”**筹资')).toEqual([
        { type: 'paragraph', spans: [{ text: '“一事一议”', bold: true }, { text: '筹资' }] },
      ]);
    });

    it('keeps an unclosed ** literal', () => {
      expect(parseNoticeBody('注意**未闭合')).toEqual([paragraph('注意**未闭合')]);
      expect(parseNoticeBody('**甲**乙**')).toEqual([
        { type: 'paragraph', spans: [{ text: '甲', bold: true }, { text: '乙**' }] },
      ]);
    });

    it('does not let bold cross a line break', () => {
      expect(parseNoticeBody('**甲\n乙**')).toEqual([paragraph('**甲\n乙**')]);
    });

    it('keeps empty or blank pairs literal', () => {
      expect(parseNoticeBody('****')).toEqual([paragraph('****')]);
      expect(parseNoticeBody('** **x**')).toEqual([{ type: 'paragraph', spans: [{ text: '** ' }, { text: 'x', bold: true }] }]);
      expect(parseNoticeBody('***重点***')).toEqual([
        { type: 'paragraph', spans: [{ text: '*重点', bold: true }, { text: '*' }] },
      ]);
    });

    it('leaves single *, _ and other Markdown emphasis as text', () => {
      expect(parseNoticeBody('*斜体* _下划线_ `代码` ~~删除~~')).toEqual([paragraph('*斜体* _下划线_ `代码` ~~删除~~')]);
    });
  });

  describe('tables', () => {
    const finance = [
      '| 项目 | 收入（元） | 支出（元） |',
      '|---|---:|:---:|',
      '| 土地租金 | 86,000.00 | |',
      '| 道路维修 | | 23,400.00 |',
    ].join('\n');

    it('reads a pipe table with a separator row', () => {
      expect(parseNoticeBody(finance)).toEqual([
        {
          type: 'table',
          header: ['项目', '收入（元）', '支出（元）'],
          rows: [
            ['土地租金', '86,000.00', ''],
            ['道路维修', '', '23,400.00'],
          ],
        },
      ]);
    });

    it('accepts rows without edge pipes', () => {
      expect(parseNoticeBody('项目 | 金额\n--- | ---\n路灯 | 1200')).toEqual([
        { type: 'table', header: ['项目', '金额'], rows: [['路灯', '1200']] },
      ]);
    });

    it('pads short rows and cuts long rows to the header width', () => {
      expect(parseNoticeBody('| 甲 | 乙 | 丙 |\n|---|---|---|\n| 1 |\n| 1 | 2 | 3 | 4 | 5 |')).toEqual([
        {
          type: 'table',
          header: ['甲', '乙', '丙'],
          rows: [
            ['1', '', ''],
            ['1', '2', '3'],
          ],
        },
      ]);
    });

    it('reads a header-only table', () => {
      expect(parseNoticeBody('| 项目 | 金额 |\n|---|---|')).toEqual([{ type: 'table', header: ['项目', '金额'], rows: [] }]);
    });

    it('accepts a separator whose width differs from the header', () => {
      expect(parseNoticeBody('| 甲 | 乙 |\n|---|\n| 1 | 2 |')).toEqual([{ type: 'table', header: ['甲', '乙'], rows: [['1', '2']] }]);
    });

    it('treats \\| as a literal pipe and removes ** from cells', () => {
      expect(parseNoticeBody('| 说明 | 金额 |\n|---|---|\n| 甲\\|乙 | **合计** |')).toEqual([
        { type: 'table', header: ['说明', '金额'], rows: [['甲|乙', '合计']] },
      ]);
    });

    it('skips separator-like lines among the rows', () => {
      expect(parseNoticeBody('| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n|---|---|\n| 3 | 4 |')).toEqual([
        { type: 'table', header: ['甲', '乙'], rows: [['1', '2'], ['3', '4']] },
      ]);
    });

    it('ends at a blank line or a line without a pipe, and interrupts a paragraph', () => {
      expect(parseNoticeBody(`收支如下：\n${finance}\n合计见上。\n\n| 又一段 |`)).toEqual([
        paragraph('收支如下：'),
        expect.objectContaining({ type: 'table' }),
        paragraph('合计见上。'),
        paragraph('| 又一段 |'),
      ]);
    });

    it('leaves pipes as text without a separator row', () => {
      expect(parseNoticeBody('| 项目 | 金额 |\n| 路灯 | 1200 |')).toEqual([paragraph('| 项目 | 金额 |\n| 路灯 | 1200 |')]);
    });

    it('does not take a separator without a pipe (a Markdown rule ---) for a table', () => {
      expect(parseNoticeBody('甲 | 乙\n---')).toEqual([paragraph('甲 | 乙\n---')]);
    });

    it(`refuses headers wider than ${NOTICE_TABLE_COLUMNS_MAX} columns`, () => {
      const wide = Array.from({ length: NOTICE_TABLE_COLUMNS_MAX + 1 }, (_, k) => `c${k}`).join(' | ');
      const blocks = parseNoticeBody(`${wide}\n|---|\n| 1 |`);
      expect(blocks.map((b) => b.type)).toEqual(['paragraph']);
      const widest = Array.from({ length: NOTICE_TABLE_COLUMNS_MAX }, (_, k) => `c${k}`).join(' | ');
      expect(parseNoticeBody(`${widest}\n|---|\n| 1 |`)).toEqual([
        { type: 'table', header: widest.split(' | '), rows: [['1', ...Array<string>(NOTICE_TABLE_COLUMNS_MAX - 1).fill('')]] },
      ]);
    });
  });

  describe('hostile and odd input stays literal data', () => {
    it('keeps HTML, script, links and images as text', () => {
      const input = '<script>alert("x")</script>\n<img src=x onerror=alert(1)>\n[点我](javascript:alert(1)) ![图](http://evil/x.png)';
      expect(parseNoticeBody(input)).toEqual([paragraph(input)]);
    });

    it('keeps HTML inside bold, headings, list items and cells as text', () => {
      const blocks = parseNoticeBody('# <b>标题</b>\n**<i>粗</i>**\n- <a href="x">项</a>\n\n| <td> |\n|---|\n| </table> |');
      expect(blocks).toEqual([
        { type: 'heading', level: 1, spans: [{ text: '<b>标题</b>' }] },
        { type: 'paragraph', spans: [{ text: '<i>粗</i>', bold: true }] },
        { type: 'list', ordered: false, items: [[{ text: '<a href="x">项</a>' }]] },
        { type: 'table', header: ['<td>'], rows: [['</table>']] },
      ]);
    });

    it('removes control, BOM and bidi-override characters but keeps the text around them', () => {
      expect(parseNoticeBody('\uFEFF金额\u0000：\u202E0001\u202C元\u0007\u2066')).toEqual([paragraph('金额：0001元')]);
    });

    it('expands tabs: leading tabs indent, others are a space', () => {
      expect(parseNoticeBody('- 甲\n\t续\n项目\t金额')).toEqual([
        { type: 'list', ordered: false, items: [[{ text: '甲\n续' }]] },
        paragraph('项目 金额'),
      ]);
    });

    it('never throws on whatever it is given', () => {
      const samples = ['|', '||', '|\n|', '|-|', '-|-\n-|-', '# |\n|---|', '**', '\\', '\\|', '1. ', '- ', '  \n  ', '\u0000'];
      for (const sample of samples) expect(() => parseNoticeBody(sample)).not.toThrow();
      expect(parseNoticeBody(undefined as unknown as string)).toEqual([]);
      expect(parseNoticeBody(null as unknown as string)).toEqual([]);
      expect(parseNoticeBody(42 as unknown as string)).toEqual([]);
    });

    it('never throws on random input built from the syntax characters', () => {
      const alphabet = ['|', '-', '*', '#', ' ', '\n', '\r', '1', '.', ':', '\\', '甲', '\t', '<'];
      let seed = 20261101;
      const random = (): number => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed / 2147483648;
      };
      for (let n = 0; n < 500; n += 1) {
        const length = Math.floor(random() * 80);
        let input = '';
        for (let k = 0; k < length; k += 1) input += alphabet[Math.floor(random() * alphabet.length)];
        const blocks = parseNoticeBody(input);
        for (const block of blocks) {
          if (block.type === 'table') {
            for (const row of block.rows) expect(row).toHaveLength(block.header.length);
          }
          if (block.type === 'paragraph' || block.type === 'heading') expect(block.spans.length).toBeGreaterThan(0);
        }
        expect(() => noticeBodyToPlainText(blocks)).not.toThrow();
      }
    });

    it('is fast on very long and pathological input', () => {
      const big = `${'| 项目 | 金额 |\n|---|---|\n'}${'| 道路维修 | 23,400.00 |\n'.repeat(20_000)}`;
      const stars = '**'.repeat(100_000);
      const unclosed = `**${'甲'.repeat(200_000)}`;
      const pipes = `${'|'.repeat(100_000)}\n${'|-'.repeat(50_000)}\n${'|'.repeat(100_000)}`;
      const spaces = `#${' '.repeat(200_000)}x`;
      const started = Date.now();
      expect(parseNoticeBody(big)[0]).toMatchObject({ type: 'table' });
      expect((parseNoticeBody(big)[0] as { rows: string[][] }).rows).toHaveLength(20_000);
      expect(parseNoticeBody(stars)).toEqual([paragraph(stars)]);
      expect(parseNoticeBody(unclosed)).toEqual([paragraph(unclosed)]);
      expect(parseNoticeBody(pipes).every((b) => b.type === 'paragraph')).toBe(true);
      expect(parseNoticeBody(spaces)).toEqual([{ type: 'heading', level: 1, spans: [{ text: 'x' }] }]);
      expect(Date.now() - started).toBeLessThan(2000);
    });

    it('handles a body at the contract maximum', () => {
      const body = '本村2026年第三季度财务收支情况公示如下。\n'.repeat(Math.floor(NOTICE_BODY_MAX / 24));
      const blocks = parseNoticeBody(body);
      expect(blocks).toHaveLength(1);
      expect(noticeBodyToPlainText(blocks).length).toBeGreaterThan(NOTICE_BODY_MAX * 0.9);
    });

    it('is pure: the same input gives equal, independent output', () => {
      const a = parseNoticeBody('**甲**乙');
      const b = parseNoticeBody('**甲**乙');
      expect(a).toEqual(b);
      (a[0] as { spans: { text: string }[] }).spans[0].text = '改';
      expect(b).toEqual([{ type: 'paragraph', spans: [{ text: '甲', bold: true }, { text: '乙' }] }]);
    });
  });
});

describe('noticeBodyToPlainText', () => {
  it('reads a whole notice in plain text, blocks separated by a blank line', () => {
    const body = [
      '# 2026年第三季度财务收支公开',
      '现将本村**7月至9月**财务收支情况公示如下：',
      '',
      '| 项目 | 收入（元） | 支出（元） |',
      '|---|---|---|',
      '| 土地租金 | 86,000.00 | |',
      '| 道路维修 | | 23,400.00 |',
      '',
      '1. 如有疑问，请扫码询问',
      '2. 公示期满无异议即入账',
      '',
      '- 村务监督委员会',
      '- 民主理财小组',
    ].join('\n');
    expect(noticeBodyToPlainText(parseNoticeBody(body))).toBe(
      [
        '2026年第三季度财务收支公开',
        '',
        '现将本村7月至9月财务收支情况公示如下：',
        '',
        '项目：土地租金，收入（元）：86,000.00',
        '项目：道路维修，支出（元）：23,400.00',
        '',
        '1、如有疑问，请扫码询问',
        '2、公示期满无异议即入账',
        '',
        '· 村务监督委员会',
        '· 民主理财小组',
      ].join('\n'),
    );
  });

  it('keeps line breaks inside a paragraph', () => {
    expect(noticeBodyToPlainText(parseNoticeBody('甲\n乙'))).toBe('甲\n乙');
  });

  it('reads cells without a header label on their own, and a header-only table as its header', () => {
    expect(noticeBodyToPlainText([{ type: 'table', header: ['', '金额'], rows: [['路灯', '1200']] }])).toBe('路灯，金额：1200');
    expect(noticeBodyToPlainText([{ type: 'table', header: ['项目', '', '金额'], rows: [] }])).toBe('项目，金额');
  });

  it('gives an empty string for no blocks and skips empty ones', () => {
    expect(noticeBodyToPlainText([])).toBe('');
    expect(noticeBodyToPlainText([{ type: 'paragraph', spans: [] }, paragraph('甲'), { type: 'table', header: [''], rows: [['']] }])).toBe('甲');
  });
});
