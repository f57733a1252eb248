import { addDays, chinaDay, PROPOSAL_REPLY_DAYS_DEFAULT, type ProposalStatus, type ProposalStep } from '@village/shared';
import type { DataSource } from 'typeorm';
import type { VillageActor } from '../common/auth/actor';
import { Clock } from '../common/clock';
import { UnitOfWork, type Work } from '../modules/audit/unit-of-work';
import { MatterWorkflowService } from '../modules/matters/matter-workflow.service';
import { SystemNoticePublisher } from '../modules/notices/system-notice-publisher';
import { Proposal, ProposalCosign, ProposalEvent } from '../modules/proposals/entities';
import { Village } from '../modules/villages/entities';
import { buildDemoVillage, DEMO, type DemoResident } from './demo-village';
import { stableId } from './stable-id';

export type DemoProposalsOutcome = 'created' | 'already-present' | 'no-demo-village';

interface DemoProposal {
  key: string;
  title: string;
  body: string;
  categoryCode: string;
  /** Days before today it was raised (and made public). */
  daysAgo: number;
  cosigns: number;
  /** Steps reached after 提出议题, with the 两委's note, each a day after the last. */
  steps?: { to: ProposalStep; note: string }[];
  reply?: string;
  convert?: { typeCode: string; title: string; body: string; budgetFen: number | null };
}

/** Wording from the pilot-village reports (/work/shared/reference): 道路硬化, 节能路灯, 水渠, 一元众筹垃圾清运. */
const PROPOSALS: DemoProposal[] = [
  {
    key: 'nanping-road',
    title: '南坪组到村委会的路该硬化了',
    body: [
      '南坪组到村委会这段路约 1.5 公里，还是土路，一下雨就全是泥，老人孩子走路容易摔，三轮车和农用车经常陷进去，收玉米时更是拉不出来。',
      '',
      '建议村里把这段路纳入道路硬化计划，按“一事一议”的办法，群众出工出力，村集体和上级奖补解决材料钱。',
    ].join('\n'),
    categoryCode: 'road',
    daysAgo: 6,
    cosigns: 16,
    reply: '已收到。两委已到现场查看，下周联席会议研究立项，并向乡里申请奖补资金。',
    steps: [{ to: 'accepted', note: '两委联席会议研究，确定为本季度议题，由村委会主任牵头测算工程量。' }],
  },
  {
    key: 'street-lights',
    title: '村口到南坪组装几盏节能路灯',
    body: '村口到南坪组的主路晚上一片漆黑，冬天下午六点天就黑了，放学的孩子和跳广场舞回家的老人都看不清路。建议沿路安装太阳能节能路灯，大约需要 12 盏。',
    categoryCode: 'other',
    daysAgo: 14,
    cosigns: 9,
  },
  {
    key: 'garbage',
    title: '学一元众筹垃圾清运的办法',
    body: [
      '现在垃圾池满了常常一个星期没人清运，夏天发臭招苍蝇。听说外地有“一元众筹垃圾清运”的办法：每人每月出一元，村集体补一点，请清运公司定时来拉，支线每周至少两次。',
      '',
      '建议村里也试一试，收支在公开栏按月公开。',
    ].join('\n'),
    categoryCode: 'environment',
    daysAgo: 12,
    cosigns: 14,
    reply: '大家附议的人很多，两委同意按村规民约的程序办，转为村里大事，按“四议两公开”走。',
    convert: {
      typeCode: 'general',
      title: '一元众筹垃圾清运方案',
      body: '每人每月筹资 1 元，村集体每年补助 6000 元，委托清运公司按支线每周两次、主线每日一次清运；收支由村务监督委员会监督，在公开栏按月公开。',
      budgetFen: 1_800_000,
    },
  },
  {
    key: 'canal',
    title: '土岭底组灌溉水渠清淤',
    body: '土岭底组的灌溉水渠多处淤塞、垮塌，春灌时水流不到下游的地里。建议开春前组织清淤，垮塌的两段用水泥抹面。',
    categoryCode: 'water',
    daysAgo: 1,
    cosigns: 5,
  },
];

/**
 * Seeds a few proposals in the demo village, as if raised over the past two weeks: one with its reply
 * and first step, one overdue for a reply, one converted into a matter (through the matters'
 * workflow), one just raised. Co-signers are adults of other households, below the convening threshold
 * (the demo's convening obligations are the matters' own).
 */
export async function seedDemoProposals(dataSource: DataSource, clock: Clock = new Clock(), unitOfWork: UnitOfWork | null = null): Promise<DemoProposalsOutcome> {
  const demo = buildDemoVillage();
  const village = await dataSource.getRepository(Village).findOneBy({ code: DEMO.village.code });
  if (!village || village.id !== demo.villageId) return 'no-demo-village';
  if (await dataSource.getRepository(Proposal).existsBy({ villageId: demo.villageId })) return 'already-present';

  const uow = unitOfWork ?? new UnitOfWork(dataSource, clock);
  const workflow = new MatterWorkflowService(uow, clock, new SystemNoticePublisher(clock));
  const today = chinaDay(clock.now());
  const officers = new Set(demo.roles.map((r) => r.residentId));
  const adultCutoff = `${Number(today.slice(0, 4)) - 18}${today.slice(4)}`;
  // Ordinary adult villagers, in a stable order; authors first, co-signers after.
  const villagers = demo.residents.filter((r) => !officers.has(r.id) && !r.isVillagerRep && r.birthDate <= adultCutoff);
  const secretary = demo.roles.find((r) => r.role === 'secretary');
  const committee = demo.roles.find((r) => r.role === 'village_committee') ?? secretary;
  if (!secretary || !committee || villagers.length < 40) return 'no-demo-village';

  for (const [i, p] of PROPOSALS.entries()) {
    const author = villagers[i * 7];
    const others = villagers.filter((r) => r.householdId !== author.householdId);
    const signers = pick(others, p.cosigns, i);
    const raisedOn = addDays(today, -p.daysAgo);
    const at = (day: string, hour: number): Date => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
    const id = stableId(`proposal:${p.key}`);
    await uow.run({ villageId: demo.villageId, actorId: author.id, actorRole: 'villager', correlationId: 'demo-seed' }, async (work) => {
      const reached: Partial<Record<ProposalStep, string>> = { raised: raisedOn };
      const row: Proposal = {
        id,
        villageId: demo.villageId,
        title: p.title,
        body: p.body,
        categoryCode: p.categoryCode,
        status: 'raised',
        heldReason: null,
        textCheck: 'pass',
        textCheckTraceId: null,
        raisedByResidentId: author.id,
        raisedAt: at(raisedOn, 9),
        publicOn: raisedOn,
        replyDays: PROPOSAL_REPLY_DAYS_DEFAULT,
        replyDueBy: addDays(raisedOn, PROPOSAL_REPLY_DAYS_DEFAULT),
        answeredOn: null,
        cosignCount: signers.length,
        stepsJson: JSON.stringify(reached),
        declinedReason: null,
        mergedIntoId: null,
        matterId: null,
        obligationId: null,
        updatedAt: at(raisedOn, 9),
        version: 1,
      };
      await work.manager.insert(Proposal, row);
      let seq = 0;
      const event = (kind: ProposalEvent['kind'], status: ProposalStatus | null, text: string, by: string | null, when: Date) =>
        work.manager.insert(ProposalEvent, { id: stableId(`proposal-event:${p.key}:${seq}`), villageId: demo.villageId, proposalId: id, kind, status, text, byResidentId: by, at: when, seq: ++seq });
      await event('submitted', 'raised', '提出提议', author.id, row.raisedAt);
      await work.record({ action: 'proposal.submitted', entityType: 'proposal', entityId: id, after: { status: 'raised', categoryCode: p.categoryCode, textCheck: 'pass', photos: 0, source: 'demo' } });
      for (const [k, s] of signers.entries()) {
        const cosignedOn = addDays(raisedOn, Math.min(p.daysAgo, Math.floor((k * 3) / Math.max(1, signers.length))));
        await work.manager.insert(ProposalCosign, { id: stableId(`proposal-cosign:${p.key}:${s.id}`), villageId: demo.villageId, proposalId: id, residentId: s.id, householdId: s.householdId, cosignedAt: at(cosignedOn, 10 + (k % 10)) });
      }
      await work.record({ action: 'proposal.cosigned', entityType: 'proposal', entityId: id, after: { cosigns: signers.length, source: 'demo' } });

      let status: ProposalStatus = 'raised';
      let answeredOn: string | null = null;
      let day = raisedOn;
      if (p.reply) {
        day = addDays(day, 2);
        answeredOn = day;
        await event('reply', null, p.reply, committee.residentId, at(day, 15));
      }
      for (const step of p.steps ?? []) {
        day = addDays(day, 1);
        reached[step.to] = day;
        status = step.to;
        await event('advanced', step.to, `${labelOf(step.to)}：${step.note}`, committee.residentId, at(day, 16));
      }
      if (status !== 'raised' || answeredOn) {
        await work.manager.update(Proposal, { id }, { status, answeredOn, stepsJson: JSON.stringify(reached), version: 2 });
        await work.record({ action: 'proposal.answered', entityType: 'proposal', entityId: id, after: { status, answeredOn, source: 'demo' } });
      }
    });
    const convert = p.convert;
    if (convert) {
      // The 书记 converts it: the matter, the proposal's change and both audit events in one unit of work.
      const actor: VillageActor = {
        accountId: 'demo-seed',
        sessionId: 'demo-seed',
        villageId: demo.villageId,
        residentId: secretary.residentId,
        townshipId: null,
        roles: ['secretary', 'branch_committee', 'village_committee', 'villager'],
        correlationId: 'demo-seed',
      };
      await uow.run({ villageId: demo.villageId, actorId: secretary.residentId, actorRole: 'secretary', correlationId: 'demo-seed' }, async (work: Work) => {
        const matterId = await workflow.proposeWithin(work, actor, { typeCode: convert.typeCode, proposalId: id, title: convert.title, body: convert.body, budgetFen: convert.budgetFen, changeNote: null });
        await work.manager.update(Proposal, { id }, { status: 'converted', matterId, version: 3 });
        await work.manager.insert(ProposalEvent, { id: stableId(`proposal-event:${p.key}:converted`), villageId: demo.villageId, proposalId: id, kind: 'converted', status: 'converted', text: `转为村里大事《${convert.title}》`, byResidentId: secretary.residentId, at: clock.now(), seq: 100 });
        await work.record({ action: 'proposal.converted', entityType: 'proposal', entityId: id, before: { status: 'raised' }, after: { status: 'converted', matterId, source: 'demo' } });
      });
    }
  }
  return 'created';
}

function labelOf(step: ProposalStep): string {
  return { raised: '提出议题', accepted: '确定议题', content_reviewed: '内容审定', deliberating: '协商议事', publicized: '公开公示', implementing: '研究落实' }[step];
}

/** `n` residents spread over the list, starting at an offset so each proposal has its own supporters. */
function pick(residents: DemoResident[], n: number, offset: number): DemoResident[] {
  const step = Math.max(1, Math.floor(residents.length / Math.max(1, n)));
  const out: DemoResident[] = [];
  for (let k = 0; out.length < n && k < residents.length * 2; k += 1) {
    const r = residents[(offset * 3 + k * step + Math.floor(k / residents.length)) % residents.length];
    if (!out.includes(r)) out.push(r);
  }
  return out;
}
