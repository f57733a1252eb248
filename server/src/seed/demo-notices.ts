import { addDays, chinaDay, type NoticeAudience, type NoticeCategory, type NoticeStatus } from '@village/shared';
import { DataSource, In } from 'typeorm';
import { Clock } from '../common/clock';
import { UnitOfWork } from '../modules/audit/unit-of-work';
import { sha256 } from '../modules/notices/domain/notice-snapshot';
import { Notice, NoticeInPerson, NoticeQuery, NoticeRead } from '../modules/notices/entities';
import { Village } from '../modules/villages/entities';
import { buildDemoVillage, DEMO, type DemoResident, type DemoVillage } from './demo-village';
import { seededRandom, stableId } from './stable-id';

/*
 * Demo notices for 土岭底村, one or more per category, worded after the pilot reports: a quarterly
 * finance disclosure with its table (signed off by the 监委会's accountant), a 发展党员 公示, a
 * party-only 主题党日 notice, the village road tender result, an archived subsidy list, a finance
 * notice waiting for sign-off and a draft. Some households have read them, one was told in person,
 * one query is answered and one is open.
 *
 * Ids and content are the same on every machine; dates are relative to the day the demo is seeded,
 * so the windows are current whenever someone tries it.
 */

export type DemoNoticesOutcome = 'created' | 'already-present' | 'no-demo-village';

interface DemoNoticeSpec {
  key: string;
  kind: NoticeCategory;
  title: string;
  body: string;
  status: NoticeStatus;
  audience?: NoticeAudience;
  pinned?: boolean;
  /** Window relative to today, in days. */
  startsIn: number;
  days: number;
  /** Days ago it was published (published and archived only). */
  publishedAgo?: number;
  author: DemoResident;
  signoff?: { by: DemoResident; ago: number };
  /** Share of households (or party members) that have read it, 0–1. */
  readShare?: number;
}

const money = (n: number): string => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function financeQ3Body(): string {
  const income: [string, number, string][] = [
    ['上级转移支付', 120_000, '村级组织运转经费（第三季度）'],
    ['集体土地租赁收入', 42_600, '南坪组荒坡承包费'],
    ['光伏电站发电收益', 23_800, '7—9 月电费结算'],
  ];
  const spending: [string, number, string][] = [
    ['村干部误工补贴', 54_000, '7—9 月，按乡政府核定标准'],
    ['护林防火巡查补贴', 18_000, '6 名巡查员，每人每月 1000 元'],
    ['村道养护', 36_520, '土岭底组至南坪组路段补坑、清理边沟'],
    ['环境卫生保洁', 34_000, '保洁员工资及垃圾清运'],
    ['办公及水电费', 8_755.5, '办公用品、村委会水电'],
  ];
  const total = (rows: [string, number, string][]): number => rows.reduce((sum, [, n]) => sum + n, 0);
  const table = (rows: [string, number, string][]): string[] => [
    '| 项目 | 金额（元） | 说明 |',
    '|---|---|---|',
    ...rows.map(([item, n, note]) => `| ${item} | ${money(n)} | ${note} |`),
  ];
  return [
    '根据《农村集体经济组织财务公开规定》，现将本村 2026 年第三季度（7 月 1 日至 9 月 30 日）集体财务收支情况公开如下，接受全体村民监督。',
    '',
    `## 一、收入（合计 ${money(total(income))} 元）`,
    '',
    ...table(income),
    '',
    `## 二、支出（合计 ${money(total(spending))} 元）`,
    '',
    ...table(spending),
    '',
    '## 三、结余',
    '',
    `本季度收支相抵，结余 **${money(total(income) - total(spending))} 元**，转入下季度使用。`,
    '',
    '以上账目已经村务监督委员会审核。村民如有疑问，可以在本条公开下方提问，也可以在公开期内到村委会查阅原始凭证。',
  ].join('\n');
}

function partyCandidateBody(candidate: DemoResident, today: string): string {
  const born = candidate.birthDate.slice(0, 7).replace('-', '.');
  return [
    '根据《中国共产党发展党员工作细则》，经土岭底村党支部委员会研究，拟将下列同志列为发展对象，现予以公示。',
    '',
    '| 姓名 | 性别 | 出生年月 | 学历 | 申请入党时间 | 确定为入党积极分子时间 |',
    '|---|---|---|---|---|---|',
    `| ${candidate.name} | ${candidate.gender === 'male' ? '男' : '女'} | ${born} | 高中 | 2024.03 | 2025.04 |`,
    '',
    '公示期间，党员和群众可以通过来电、来信、来访，或在本条公开下方提问，向村党支部或聪子峪乡党委反映公示对象的情况和问题。反映问题要实事求是，以个人名义反映的请写明真实姓名。',
    '',
    `公示时间：${today} 起 7 天。`,
  ].join('\n');
}

const PARTY_DAY_BODY = [
  '全体党员同志：',
  '',
  '本月主题党日定于本周六上午 9 时在村党群服务中心召开，请准时参加。',
  '',
  '1. 集中学习党的二十届四中全会精神；',
  '2. 通报本季度党费收缴情况；',
  '3. 讨论冬季护林防火党员责任区划分；',
  '4. 开展“党员包户”走访情况交流。',
  '',
  '因病因事不能参加的，请提前向支部书记请假。',
].join('\n');

const ROAD_TENDER_BODY = [
  '经村党支部提议、村“两委”会议商议、党员大会审议、村民代表会议决议（“四议两公开”），本村南坪组至土岭底组通组道路硬化工程已于近日在乡公共资源交易平台公开招标，现将结果公示如下：',
  '',
  '| 项目 | 内容 |',
  '|---|---|',
  '| 工程名称 | 南坪组至土岭底组通组道路硬化工程 |',
  '| 建设内容 | 水泥混凝土路面 1.8 公里，宽 4.5 米，厚 20 厘米 |',
  '| 招标方式 | 公开招标，共 4 家单位投标 |',
  '| 中标单位 | 沁源县恒通路桥工程有限公司 |',
  '| 中标价 | 386,500.00 元 |',
  '| 工期 | 45 天 |',
  '| 资金来源 | 县交通局以奖代补 300,000 元，村集体自筹 86,500 元 |',
  '',
  '施工期间由村务监督委员会和 2 名村民代表全程监督。对招标结果有异议的，请在公示期内在本条公开下方提问，或向村委会、村务监督委员会反映。',
].join('\n');

const SUBSIDY_BODY = [
  '2026 年耕地地力保护补贴已按承包地确权面积发放到户，每亩 96.50 元，全村共 85 户、1,236.4 亩，合计 119,312.60 元。',
  '',
  '各户明细已张贴在村务公开栏，并可到村委会查阅。如发现面积或金额有误，请带承包经营权证到村委会核对。',
].join('\n');

const OCTOBER_FINANCE_BODY = [
  '现将本村 2026 年 10 月集体财务收支情况公开如下：',
  '',
  '| 项目 | 收入（元） | 支出（元） |',
  '|---|---|---|',
  '| 集体土地租赁收入 | 14,200.00 | |',
  '| 村干部误工补贴 | | 18,000.00 |',
  '| 护林防火巡查补贴 | | 6,000.00 |',
  '| 办公及水电费 | | 2,631.00 |',
  '| **合计** | **14,200.00** | **26,631.00** |',
  '',
  '本月收支相抵，支出大于收入 12,431.00 元，由上季度结余支付。',
].join('\n');

const FIRE_PATROL_BODY = [
  '入冬以来天干物燥，为做好森林防火工作，现将冬季护林防火巡查安排公布如下：',
  '',
  '- 巡查时间：11 月 1 日至次年 4 月 30 日，每天 8 时至 18 时；',
  '- 巡查路线：土岭底组后山、南坪组荒坡两条线路；',
  '- 严禁野外用火、烧荒、上坟烧纸。',
].join('\n');

/** Residents the demo notices need, picked deterministically from the demo village. */
function cast(demo: DemoVillage) {
  const byId = new Map(demo.residents.map((r) => [r.id, r]));
  const holder = (role: string, title?: string): DemoResident => {
    const assignment = demo.roles.find((a) => a.role === role && (title === undefined || a.title === title));
    if (!assignment) throw new Error(`demo village has no ${role} ${title ?? ''}`);
    return byId.get(assignment.residentId) as DemoResident;
  };
  const officeHolders = new Set(demo.roles.map((a) => a.residentId));
  const age = (r: DemoResident): number => DEMO.referenceYear - Number(r.birthDate.slice(0, 4));
  const candidate = demo.residents.find((r) => !r.isPartyMember && !officeHolders.has(r.id) && age(r) >= 25 && age(r) <= 35);
  if (!candidate) throw new Error('demo village has no candidate for 发展党员');
  const representatives = demo.households.map((h) => byId.get(h.representativeResidentId) as DemoResident);
  const askers = representatives.filter((r) => !officeHolders.has(r.id) && !r.isPartyMember);
  return {
    secretary: holder('secretary'),
    deputy: holder('branch_committee', '副书记'),
    womenMember: holder('village_committee', '委员（妇联主席）'),
    accountant: holder('supervisor', '委员（会计）'),
    candidate,
    representatives,
    partyMembers: demo.residents.filter((r) => r.isPartyMember),
    askers,
  };
}

/** Seeds the demo notices once: when the demo village exists and has no notice yet. */
export async function seedDemoNotices(dataSource: DataSource, clock: Clock = new Clock()): Promise<DemoNoticesOutcome> {
  const demo = buildDemoVillage();
  const village = await dataSource.getRepository(Village).findOneBy({ code: DEMO.village.code });
  if (!village || village.id !== demo.villageId) return 'no-demo-village';
  const actor = { villageId: demo.villageId, actorId: null, actorRole: 'system', correlationId: null };
  return new UnitOfWork(dataSource, clock).run(actor, async ({ manager, record }) => {
    if (await manager.getRepository(Notice).existsBy({ villageId: demo.villageId, kind: In(['party', 'village', 'finance']) })) return 'already-present';
    const now = clock.now();
    const today = chinaDay(now);
    const daysAgo = (n: number, hour = 10): Date => new Date(Date.parse(`${addDays(today, -n)}T${String(hour - 8).padStart(2, '0')}:00:00.000Z`));
    const people = cast(demo);
    const random = seededRandom(20261126);

    const specs: DemoNoticeSpec[] = [
      {
        key: 'finance-2026q3',
        kind: 'finance',
        title: '2026年第三季度财务收支公开',
        body: financeQ3Body(),
        status: 'published',
        pinned: true,
        startsIn: -5,
        days: 15,
        publishedAgo: 5,
        author: people.deputy,
        signoff: { by: people.accountant, ago: 5 },
        readShare: 0.55,
      },
      {
        key: 'party-candidate-2026',
        kind: 'party',
        title: '2026年发展党员公示',
        body: partyCandidateBody(people.candidate, addDays(today, -2)),
        status: 'published',
        startsIn: -2,
        days: 7,
        publishedAgo: 2,
        author: people.secretary,
        readShare: 0.3,
      },
      {
        key: 'party-day-2026-11',
        kind: 'party',
        title: '关于开展11月份主题党日活动的通知',
        body: PARTY_DAY_BODY,
        status: 'published',
        audience: 'party_members',
        startsIn: -1,
        days: 7,
        publishedAgo: 1,
        author: people.secretary,
        readShare: 0.6,
      },
      {
        key: 'village-road-tender',
        kind: 'village',
        title: '村道硬化工程招标结果公示',
        body: ROAD_TENDER_BODY,
        status: 'published',
        startsIn: -3,
        days: 7,
        publishedAgo: 3,
        author: people.secretary,
        readShare: 0.4,
      },
      {
        key: 'village-subsidy-2026',
        kind: 'village',
        title: '2026年耕地地力保护补贴发放情况公示',
        body: SUBSIDY_BODY,
        status: 'archived',
        startsIn: -75,
        days: 10,
        publishedAgo: 75,
        author: people.womenMember,
        readShare: 0.7,
      },
      {
        key: 'finance-2026-10',
        kind: 'finance',
        title: '2026年10月财务收支公开',
        body: OCTOBER_FINANCE_BODY,
        status: 'pending_signoff',
        startsIn: 1,
        days: 10,
        author: people.womenMember,
      },
      {
        key: 'village-fire-patrol',
        kind: 'village',
        title: '冬季护林防火巡查安排',
        body: FIRE_PATROL_BODY,
        status: 'draft',
        startsIn: 2,
        days: 7,
        author: people.womenMember,
      },
    ];

    const summary: { id: string; kind: string; title: string; status: string; bodySha256: string; reads: number }[] = [];
    const ids = new Map<string, string>();
    for (const spec of specs) {
      const id = stableId(`notice:${spec.key}`);
      ids.set(spec.key, id);
      const published = spec.publishedAgo !== undefined ? daysAgo(spec.publishedAgo, 9) : null;
      const notice = {
        id,
        villageId: demo.villageId,
        kind: spec.kind,
        title: spec.title,
        body: spec.body,
        status: spec.status,
        audience: spec.audience ?? 'all',
        pinned: spec.pinned ?? false,
        startsOn: addDays(today, spec.startsIn),
        endsOn: addDays(today, spec.startsIn + spec.days - 1),
        authorResidentId: spec.author.id,
        submittedByResidentId: spec.status === 'draft' ? null : spec.author.id,
        publishedAt: published,
        archivedAt: spec.status === 'archived' ? daysAgo(spec.publishedAgo! - spec.days - 1) : null,
        archivedByResidentId: spec.status === 'archived' ? spec.author.id : null,
        supersedesId: null,
        supersededById: null,
        signoffDecision: spec.signoff ? 'approved' : null,
        signoffByResidentId: spec.signoff?.by.id ?? null,
        signoffAt: spec.signoff ? daysAgo(spec.signoff.ago, 8) : null,
        signoffReason: spec.signoff ? '账目与凭证核对无误，同意公开。' : null,
        sourceEntityType: null,
        sourceEntityId: null,
        createdAt: published ? daysAgo((spec.publishedAgo ?? 0) + 1, 15) : daysAgo(0, 9),
      } as Notice;
      await manager.insert(Notice, notice);

      // Readers: household representatives (party members for a party-only notice), a seeded share.
      const pool = spec.audience === 'party_members' ? people.partyMembers : people.representatives;
      const readers = published && spec.readShare ? pool.filter(() => random() < (spec.readShare as number)) : [];
      if (readers.length > 0) {
        await manager.insert(
          NoticeRead,
          readers.map((r, i) => ({
            id: stableId(`notice-read:${spec.key}:${r.id}`),
            villageId: demo.villageId,
            noticeId: id,
            residentId: r.id,
            householdId: r.householdId,
            readAt: new Date((published as Date).getTime() + (i + 1) * 7 * 60_000),
          })),
        );
      }
      summary.push({ id, kind: spec.kind, title: spec.title, status: spec.status, bodySha256: sha256(spec.body), reads: readers.length });
    }

    // 上门告知: the first grid's leader told two households that had not read the finance notice.
    const financeId = ids.get('finance-2026q3') as string;
    const readHouseholds = new Set(
      (await manager.getRepository(NoticeRead).findBy({ noticeId: financeId })).map((r) => r.householdId),
    );
    const grid = demo.grids[0];
    const notReached = demo.households.filter((h) => h.gridId === grid.id && !readHouseholds.has(h.id)).slice(0, 2);
    await manager.insert(
      NoticeInPerson,
      notReached.map((h, i) => ({
        id: stableId(`notice-in-person:${financeId}:${h.id}`),
        villageId: demo.villageId,
        noticeId: financeId,
        householdId: h.id,
        residentId: null,
        subjectKey: h.id,
        recordedByResidentId: grid.leaderResidentId,
        toldAt: daysAgo(3, 16 + i),
        note: i === 0 ? '户主年纪大不用智能手机，已当面念给他听。' : null,
      })),
    );

    // Queries: one answered on the finance notice, one still open on the road tender.
    const [askerA, askerB] = [people.askers[3], people.askers[17]];
    await manager.insert(NoticeQuery, [
      {
        id: stableId('notice-query:finance-solar'),
        villageId: demo.villageId,
        noticeId: financeId,
        askedByResidentId: askerA.id,
        text: '光伏电站的收益为什么比去年同期少了？',
        status: 'answered',
        statusReason: null,
        contentCheck: 'pass',
        contentCheckTraceId: null,
        askedAt: daysAgo(4, 20),
        reviewedByResidentId: null,
        reviewedAt: null,
        answer: '今年 7—8 月阴雨天多、日照少，发电量比去年同期少约 18%；9 月已恢复正常。电站运维记录可以到村委会查阅。',
        answeredByResidentId: people.deputy.id,
        answeredAt: daysAgo(3, 11),
      },
      {
        id: stableId('notice-query:road-start'),
        villageId: demo.villageId,
        noticeId: ids.get('village-road-tender') as string,
        askedByResidentId: askerB.id,
        text: '这条路什么时候开工？施工期间南坪组的车怎么走？',
        status: 'open',
        statusReason: null,
        contentCheck: 'pass',
        contentCheckTraceId: null,
        askedAt: daysAgo(1, 19),
        reviewedByResidentId: null,
        reviewedAt: null,
        answer: null,
        answeredByResidentId: null,
        answeredAt: null,
      },
    ] as NoticeQuery[]);

    await record({
      action: 'notice.seeded',
      entityType: 'village',
      entityId: demo.villageId,
      after: {
        source: 'demo',
        notices: summary,
        inPerson: notReached.length,
        queries: 2,
      },
    });
    return 'created';
  });
}

