import type { EntityManager } from 'typeorm';
import { PointsRuleBook, PointsRuleItem } from '../entities';

export interface EffectiveRuleBook {
  book: PointsRuleBook;
  items: PointsRuleItem[];
}

/**
 * The rule book in force: the newest adopted one (a book is adopted only when its 村规民约 matter is
 * resolved). Null while none has been adopted — then nothing can be recorded.
 */
export async function effectiveRuleBook(manager: EntityManager, villageId: string): Promise<EffectiveRuleBook | null> {
  const book = await manager.getRepository(PointsRuleBook).findOne({ where: { villageId, status: 'adopted' }, order: { number: 'DESC' } });
  if (!book) return null;
  const items = await manager.getRepository(PointsRuleItem).find({ where: { ruleBookId: book.id }, order: { position: 'ASC' } });
  return { book, items };
}
