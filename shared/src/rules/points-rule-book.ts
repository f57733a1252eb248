import { COMMITTEE_ROLES, type Role } from '../constants/roles';
import {
  RULE_BOOK_ITEMS_MAX,
  RULE_BOOK_TITLE_MAX,
  RULE_CATEGORY_MAX,
  RULE_ITEM_CODE_PATTERN,
  RULE_ITEM_DESCRIPTION_MAX,
  RULE_ITEM_POINTS_MAX_TENTHS,
  RULE_ITEM_POINTS_MIN_TENTHS,
  type PointsSettings,
  type RuleBookStatus,
  type RuleCategoryView,
  type RuleItemInput,
} from '../types/points';
import { formatPoints } from './points';

/*
 * What a rule book (积分细则) must be before it can be saved, proposed or imported: a title, 1 to
 * RULE_BOOK_ITEMS_MAX items, each with its own code, a category, a description and a non-zero whole
 * number of tenths within bounds. Every problem is listed at once with its row, so the 两委 fix the
 * editor or the spreadsheet in one go. Pure: the server refuses with these, the editor shows them.
 */

export interface RuleBookProblem {
  /** 1-based: the item's number in the editor, or the sheet row in an .xlsx import; null for the book itself. */
  row: number | null;
  /** The item's code as given, when there is one. */
  code: string | null;
  message: string;
}

export interface RuleBookCheckOptions {
  /** Each item's row: 1, 2, 3 … in the editor (the default); its sheet row in an import, blank rows skipped. */
  rows?: readonly number[];
  /** "条" in the editor, "行" in a sheet. */
  rowWord?: string;
}

/** Trims every text, so "  A01 " and "A01" are one code and a blank category is empty. */
export function normalizeRuleItems(items: readonly RuleItemInput[]): RuleItemInput[] {
  return items.map((item) => ({
    code: String(item.code ?? '').trim(),
    category: String(item.category ?? '').trim(),
    description: String(item.description ?? '').trim(),
    pointsTenths: item.pointsTenths,
    evidenceRequired: item.evidenceRequired === true,
  }));
}

export function ruleBookProblems(input: { title: string; items: readonly RuleItemInput[] }, options: RuleBookCheckOptions = {}): RuleBookProblem[] {
  const rowOf = (index: number): number => options.rows?.[index] ?? index + 1;
  const rowWord = options.rowWord ?? '条';
  const problems: RuleBookProblem[] = [];
  const title = input.title.trim();
  if (!title) problems.push({ row: null, code: null, message: '请填写积分细则的名称' });
  else if ([...title].length > RULE_BOOK_TITLE_MAX) problems.push({ row: null, code: null, message: `名称最多 ${RULE_BOOK_TITLE_MAX} 个字，请改短一些` });
  if (input.items.length === 0) problems.push({ row: null, code: null, message: '积分细则里还没有条目，请至少加一条' });
  if (input.items.length > RULE_BOOK_ITEMS_MAX) problems.push({ row: null, code: null, message: `一本积分细则最多 ${RULE_BOOK_ITEMS_MAX} 条，现在有 ${input.items.length} 条，请删去一些` });

  // Codes are compared without case: MariaDB's unique index does, and "a01" reads as "A01" anyway.
  const firstByCode = new Map<string, number>();
  input.items.forEach((item, index) => {
    const row = rowOf(index);
    const code = item.code.trim();
    const at = `第 ${row} ${rowWord}${code ? `（${code}）` : ''}：`;
    const add = (message: string) => problems.push({ row, code: code || null, message: at + message });
    if (!code) add('请填写编号，例如 A01');
    else if (!RULE_ITEM_CODE_PATTERN.test(code)) add('编号只能用字母、数字和“-”，最多 12 个，例如 A01');
    else {
      const key = code.toUpperCase();
      const first = firstByCode.get(key);
      if (first !== undefined) add(`编号和第 ${first} ${rowWord}重复了，请换一个编号`);
      else firstByCode.set(key, row);
    }
    const category = item.category.trim();
    if (!category) add('请填写类别，例如“环境卫生”');
    else if ([...category].length > RULE_CATEGORY_MAX) add(`类别最多 ${RULE_CATEGORY_MAX} 个字，请改短一些`);
    const description = item.description.trim();
    if (!description) add('请填写内容，写清楚做了什么事得分或扣分');
    else if ([...description].length > RULE_ITEM_DESCRIPTION_MAX) add(`内容最多 ${RULE_ITEM_DESCRIPTION_MAX} 个字，请改短一些`);
    const points = item.pointsTenths;
    if (typeof points !== 'number' || !Number.isInteger(points)) add('分值最多保留一位小数，例如 0.4、3、-5');
    else if (points === 0) add('分值不能是 0：加分写正数，负面清单扣分写负数');
    else if (points < RULE_ITEM_POINTS_MIN_TENTHS || points > RULE_ITEM_POINTS_MAX_TENTHS) {
      add(`分值要在 ${formatPoints(RULE_ITEM_POINTS_MIN_TENTHS)} 到 ${formatPoints(RULE_ITEM_POINTS_MAX_TENTHS)} 分之间`);
    }
  });
  return problems;
}

/** Items grouped by category in the order categories first appear; negative-list items flagged. */
export function ruleCategories(items: readonly RuleItemInput[]): RuleCategoryView[] {
  const categories = new Map<string, RuleCategoryView>();
  for (const item of items) {
    let category = categories.get(item.category);
    if (!category) categories.set(item.category, (category = { name: item.category, items: [] }));
    category.items.push({ ...item, negative: item.pointsTenths < 0 });
  }
  return [...categories.values()];
}

export const POINTS_STAR_LEVELS_MAX = 10;
export const POINTS_SHARE_PERCENT_MAX = 50;
export const POINTS_WINDOW_DAYS_MIN = 1;
export const POINTS_WINDOW_DAYS_MAX = 30;

/** What is wrong with settings the 两委 want to save, in Chinese; empty when they are fine. */
export function pointsSettingsProblems(settings: Omit<PointsSettings, 'version'>): string[] {
  const problems: string[] = [];
  const thresholds = settings.starThresholdsTenths;
  if (thresholds.length === 0 || thresholds.length > POINTS_STAR_LEVELS_MAX) problems.push(`授星分数线要有 1 到 ${POINTS_STAR_LEVELS_MAX} 档`);
  else if (!thresholds.every((t, i) => Number.isInteger(t) && t > 0 && t <= 10000 && (i === 0 || t > thresholds[i - 1]))) {
    problems.push('授星分数线要从低到高，每档都比前一档高，且都大于 0，最多一位小数');
  }
  for (const [label, value] of [
    ['红榜比例', settings.redSharePercent],
    ['黑榜比例', settings.blackSharePercent],
  ] as const) {
    if (!Number.isInteger(value) || value < 0 || value > POINTS_SHARE_PERCENT_MAX) problems.push(`${label}要在 0 到 ${POINTS_SHARE_PERCENT_MAX}（%）之间的整数`);
  }
  if (settings.blackBelowTenths !== null && (!Number.isInteger(settings.blackBelowTenths) || settings.blackBelowTenths < 0 || settings.blackBelowTenths > 10000)) {
    problems.push('“低于多少分上黑榜”要是 0 或正数，最多一位小数；不用这条就留空');
  }
  if (!Number.isInteger(settings.publicationWindowDays) || settings.publicationWindowDays < POINTS_WINDOW_DAYS_MIN || settings.publicationWindowDays > POINTS_WINDOW_DAYS_MAX) {
    problems.push(`公示期要在 ${POINTS_WINDOW_DAYS_MIN} 到 ${POINTS_WINDOW_DAYS_MAX} 天之间`);
  }
  if (settings.redeemers !== 'representative' && settings.redeemers !== 'adult_member') problems.push('请选择谁可以兑换：户代表，或家里的成年人');
  return problems;
}


/**
 * Every villager reads the book in force, the ones it replaced and one put to the villagers' meeting
 * (they vote on it); drafts and books that did not pass are the 两委's work, read by the 监委会 too.
 */
export const RULE_BOOK_DRAFT_READERS: readonly Role[] = [...COMMITTEE_ROLES, 'supervisor'];

export function seesRuleBook(status: RuleBookStatus, roles: readonly Role[]): boolean {
  return status === 'proposed' || status === 'adopted' || status === 'superseded' || roles.some((r) => RULE_BOOK_DRAFT_READERS.includes(r));
}

/** Only a draft is edited, imported into or proposed, and only by the 两委. */
export function editsRuleBook(status: RuleBookStatus, roles: readonly Role[]): boolean {
  return status === 'draft' && roles.some((r) => (COMMITTEE_ROLES as readonly Role[]).includes(r));
}
