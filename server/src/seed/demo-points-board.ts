import { PointsBoardEntry, PointsPublication } from '../modules/points/entities';
import { BoardsService } from '../modules/points/standing';
import { SystemNoticePublisher } from '../modules/notices/system-notice-publisher';
import type { DemoPointsContext } from './demo-points-context';

const FOLLOW_UP_NOTE = '书记已上门谈心，讲清了负面清单的规矩；约定下个月一起把房前屋后收拾干净，由一名老党员结对帮扶。';

/**
 * The 红黑榜 of the quarter the records seed published, by the 书记, through the same service the
 * 两委 use (so the honour-board notice and the audit trail are the real ones), with a 帮扶 note for
 * one household that needs help. Nothing when no quarter was published.
 */
export async function seedDemoPointsBoard({ dataSource, clock, uow, demo }: DemoPointsContext): Promise<void> {
  const [publication] = await dataSource.getRepository(PointsPublication).find({ where: { villageId: demo.villageId }, order: { quarter: 'DESC' }, take: 1 });
  const secretary = demo.roles.find((r) => r.role === 'secretary');
  if (!publication || !secretary) return;
  const boards = new BoardsService(dataSource, uow, clock, new SystemNoticePublisher(clock));
  const actor = { villageId: demo.villageId, actorId: secretary.residentId, actorRole: 'secretary', correlationId: 'demo-seed' };
  const boardId = await boards.publishAs(actor, secretary.residentId, publication.quarter);
  const [helped] = await dataSource.getRepository(PointsBoardEntry).find({ where: { boardId, list: 'black' }, order: { householdId: 'ASC' }, take: 1 });
  if (helped) await boards.followUpAs(actor, secretary.residentId, boardId, helped.householdId, FOLLOW_UP_NOTE);
}
