/**
 * 与户主关系 as the household register writes it, said in full where the short form misleads:
 * "女" beside a name reads as a gender, "子" as a character. Everything else is shown as written.
 */
const SPOKEN: Record<string, string> = { 子: '儿子', 女: '女儿' };

export function relationLabel(relation: string): string {
  return SPOKEN[relation] ?? relation;
}
