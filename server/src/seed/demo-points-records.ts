import { addDays, chinaDay, daysBetween, quarterDays, quarterOf, shiftQuarter } from '@village/shared';
import type { AuditActor } from '../modules/audit/unit-of-work';
import { SystemNoticePublisher } from '../modules/notices/system-notice-publisher';
import { type PointsRecord, type PointsRuleItem } from '../modules/points/entities';
import { insertAppeal, insertRecord, publishQuarter, reviewRecords } from '../modules/points/records/record-steps';
import { effectiveRuleBook } from '../modules/points/rule-books/effective-rule-book';
import type { DemoPointsContext } from './demo-points-context';
import type { DemoHousehold } from './demo-village';
import { seededRandom } from './stable-id';

/** What villagers add when they self-report (群众申报), in their words. */
const SELF_REPORT_NOTES = ['和邻居一起把组里的水渠清了一遍', '帮五保户王大爷把玉米收回了家', '参加了村里组织的防火巡查', '房前屋后收拾干净了，柴草堆整齐'];
const REJECT_REASON = '照片和说明看不出是本户做的，请补充说明后重新申报';
const APPEAL_REASON = '这条扣分和当时的实际情况有出入，邻居可以作证，请评议小组再到现场核实一下';

interface Planned {
  household: DemoHousehold;
  item: PointsRuleItem;
  occurredOn: string;
  selfReport: boolean;
}

/**
 * Last quarter lived through: the grid leaders' 实时记录 for every household (two 负面清单 items
 * among them) and some 群众申报, reviewed by the 评议小组 (two self-reports turned down), approved by
 * the branch and PUBLISHED with its notice and ledger entries, one household appealing its deduction;
 * this quarter's earlier months reviewed and this month's records waiting in the queue. Through the
 * same steps the API takes, dated relative to the clock so the demo stays fresh; every household has
 * published points, so the demo personas have records to appeal while the window is open.
 */
export async function seedDemoPointsRecords({ dataSource, clock, uow, demo }: DemoPointsContext): Promise<void> {
  const book = await effectiveRuleBook(dataSource.manager, demo.villageId);
  const secretary = demo.roles.find((r) => r.role === 'secretary');
  if (!book || !secretary) return;
  const random = seededRandom(20261201);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const dayIn = (from: string, to: string): string => addDays(from, Math.floor(random() * (Math.max(0, daysBetween(from, to)) + 1)));
  const now = clock.now();
  const today = chinaDay(now);
  const current = quarterOf(today);
  const last = shiftQuarter(current, -1);
  const plain = book.items.filter((i) => i.pointsTenths > 0 && !i.evidenceRequired);
  const rewards = plain.length > 0 ? plain : book.items.filter((i) => i.pointsTenths > 0);
  const negatives = book.items.filter((i) => i.pointsTenths < 0);
  const reviewers = demo.roles.filter((r) => r.role === 'points_reviewer').map((r) => ({ residentId: r.residentId, householdId: householdOf(r.residentId) }));
  if (rewards.length === 0 || reviewers.length === 0) return;

  function householdOf(residentId: string): string {
    return demo.residents.find((r) => r.id === residentId)?.householdId as string;
  }

  // ---- last quarter
  const [lastFrom, lastTo] = quarterDays(last);
  const lastPlans: Planned[] = demo.households.flatMap((household, i) =>
    Array.from({ length: 2 + (i % 3 === 0 ? 2 : i % 2) }, (_, k) => ({ household, item: pick(rewards), occurredOn: dayIn(lastFrom, lastTo), selfReport: k === 1 && i % 7 === 0 })),
  );
  const punished = negatives.length === 0 ? [] : [demo.households[40], demo.households[70]].filter((h): h is DemoHousehold => h !== undefined && !leadsOwnGrid(h));
  lastPlans.push(...punished.map((household) => ({ household, item: pick(negatives), occurredOn: dayIn(lastFrom, lastTo), selfReport: false })));
  const lastRows = await recordAll(lastPlans);
  const turnedDown = new Set(lastRows.filter((r) => r.source === 'self_reported').slice(0, 2).map((r) => r.id));
  await reviewAll(lastRows.filter((r) => !turnedDown.has(r.id)), 'approve', lastTo);
  await reviewAll(lastRows.filter((r) => turnedDown.has(r.id)), 'reject', lastTo);
  const branch: AuditActor = { villageId: demo.villageId, actorId: secretary.residentId, actorRole: 'branch_committee', correlationId: 'demo-seed' };
  await uow.run(branch, (work) => publishQuarter(work, { notices: new SystemNoticePublisher(clock), now }, { quarter: last, approvedByResidentId: secretary.residentId }));

  const deduction = lastRows.find((r) => r.pointsTenths < 0);
  if (deduction) {
    const household = demo.households.find((h) => h.id === deduction.householdId) as DemoHousehold;
    const by: AuditActor = { villageId: demo.villageId, actorId: household.representativeResidentId, actorRole: 'villager', correlationId: 'demo-seed' };
    await uow.run(by, (work) => insertAppeal(work, now, { record: { ...deduction, status: 'published' }, reason: APPEAL_REASON, raisedByResidentId: household.representativeResidentId }));
  }

  // ---- this quarter: earlier months reviewed, this month's waiting (none of a reviewer's household, so the queue is all theirs)
  const [currentFrom] = quarterDays(current);
  const monthStart = `${today.slice(0, 7)}-01`;
  const reviewerHouseholds = new Set(reviewers.map((r) => r.householdId));
  const thisPlans: Planned[] = demo.households
    .filter((h, i) => i % 5 === 1 && !reviewerHouseholds.has(h.id))
    .map((household, i) => ({
      household,
      item: pick(rewards),
      occurredOn: i % 2 === 0 && monthStart > currentFrom ? dayIn(currentFrom, addDays(monthStart, -1)) : dayIn(monthStart, today),
      selfReport: i % 6 === 3,
    }));
  const thisRows = await recordAll(thisPlans);
  await reviewAll(thisRows.filter((r) => r.occurredOn < monthStart), 'approve', addDays(monthStart, -1));

  function leadsOwnGrid(household: DemoHousehold): boolean {
    return demo.grids.some((g) => g.id === household.gridId && householdOf(g.leaderResidentId) === household.id);
  }

  async function recordAll(plans: Planned[]): Promise<PointsRecord[]> {
    const rows: PointsRecord[] = [];
    for (const plan of plans) {
      // A grid leader's own household is always a self-report (nobody scores their own family).
      const selfReport = plan.selfReport || leadsOwnGrid(plan.household);
      const by = selfReport ? plan.household.representativeResidentId : (demo.grids.find((g) => g.id === plan.household.gridId)?.leaderResidentId as string);
      const members = demo.residents.filter((r) => r.householdId === plan.household.id);
      const actor: AuditActor = { villageId: demo.villageId, actorId: by, actorRole: selfReport ? 'villager' : 'grid_leader', correlationId: 'demo-seed' };
      rows.push(
        await uow.run(actor, (work) =>
          insertRecord(work, new Date(`${plan.occurredOn}T10:00:00+08:00`), {
            villageId: demo.villageId,
            householdId: plan.household.id,
            residentId: random() < 0.5 ? pick(members).id : null,
            gridId: plan.household.gridId,
            item: plan.item,
            occurredOn: plan.occurredOn,
            quarter: quarterOf(plan.occurredOn),
            note: selfReport ? pick(SELF_REPORT_NOTES) : null,
            source: selfReport ? 'self_reported' : 'recorded',
            recordedByResidentId: by,
          }),
        ),
      );
    }
    return rows;
  }

  /** The first reviewer takes all but their own household's records and their own; the second takes those. */
  async function reviewAll(rows: PointsRecord[], decision: 'approve' | 'reject', on: string): Promise<void> {
    const [first, second] = reviewers;
    const conflicted = (r: PointsRecord): boolean => r.householdId === first.householdId || r.recordedByResidentId === first.residentId;
    for (const [reviewer, share] of [
      [first, rows.filter((r) => !conflicted(r))],
      [second, rows.filter(conflicted)],
    ] as const) {
      if (!reviewer || share.length === 0) continue;
      const actor: AuditActor = { villageId: demo.villageId, actorId: reviewer.residentId, actorRole: 'points_reviewer', correlationId: 'demo-seed' };
      await uow.run(actor, (work) =>
        reviewRecords(work, new Date(`${on}T16:00:00+08:00`), reviewer, { recordIds: share.map((r) => r.id), decision, reason: decision === 'reject' ? REJECT_REASON : null }),
      );
    }
  }
}
