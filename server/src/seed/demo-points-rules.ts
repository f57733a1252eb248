import { addDays, chinaDay, quarterDays, quarterOf, shiftQuarter, type DecisionBody, type Electorate, type MeetingPurpose, type RuleItemInput } from '@village/shared';
import type { VillageActor } from '../common/auth/actor';
import { Clock } from '../common/clock';
import { MatterFile } from '../modules/matters/entities';
import type { MatterEventDto } from '../modules/matters/dto/matter.dto';
import { MatterCommandsService } from '../modules/matters/matter-commands.service';
import { MatterWorkflowService } from '../modules/matters/matter-workflow.service';
import { SystemNoticePublisher } from '../modules/notices/system-notice-publisher';
import { RuleBooksService } from '../modules/points/rule-books/rule-books.service';
import type { WechatClient } from '../modules/wechat/wechat.client';
import type { DemoPointsContext } from './demo-points-context';
import { DEMO } from './demo-village';
import { stableId } from './stable-id';

type Row = [code: string, description: string, points: number, evidence?: boolean];

/**
 * Shaped like 安家村's 积分细则 (Sichuan pilot list): six categories, 34 items of 0.4–3 分 for what a
 * household does, and a 负面清单 of 10 items at −5 分. In the words a villager uses.
 */
const BOOK: [category: string, rows: Row[]][] = [
  [
    '遵纪守法',
    [
      ['A01', '本季度全家遵纪守法，没有违法行为', 1],
      ['A02', '举报违法犯罪线索，经查属实', 2, true],
      ['A03', '参加禁毒、防诈骗宣传学习一次', 0.5],
      ['A04', '按时交了医保和养老保险', 1, true],
      ['A05', '参加村里组织的普法讲座一次', 0.5],
    ],
  ],
  [
    '环境卫生',
    [
      ['B01', '房前屋后干净整洁，网格员检查合格', 1],
      ['B02', '垃圾分好类，倒到指定的垃圾桶', 0.5],
      ['B03', '门前三包做得好（包卫生、包秩序、包绿化）', 0.5],
      ['B04', '主动清理路边、河边的垃圾一次', 0.5, true],
      ['B05', '家里被评上“美丽庭院”', 3, true],
      ['B06', '改过的厕所干净，天天在用', 0.5],
      ['B07', '柴草、农具码放整齐，不占道路', 0.4],
    ],
  ],
  [
    '日常行为',
    [
      ['C01', '孝敬老人，邻居们都说好', 1],
      ['C02', '主动调解邻里纠纷一次', 1],
      ['C03', '帮助困难户、孤寡老人做事一次', 1],
      ['C04', '家庭和睦，本季度没有打架吵闹', 0.5],
      ['C05', '狗拴好、鸡鸭圈养，不扰邻居', 0.4],
      ['C06', '孩子按时上学，没有辍学', 0.5],
    ],
  ],
  [
    '社会服务',
    [
      ['D01', '参加村里组织的义务劳动一次', 1],
      ['D02', '参加志愿服务活动一次（半天以上）', 1, true],
      ['D03', '见义勇为、抢险救灾', 3, true],
      ['D04', '无偿献血一次', 2, true],
      ['D05', '参加森林防火、防汛值守一次', 1],
      ['D06', '为村里修路、助学等公益事捐款捐物', 1, true],
    ],
  ],
  [
    '乡风文明',
    [
      ['E01', '红事新办、白事简办，不大操大办', 2],
      ['E02', '不要高价彩礼，不攀比', 2],
      ['E03', '被评上“好媳妇”“好婆婆”“文明家庭”', 3, true],
      ['E04', '参加村里的文艺、体育活动一次', 0.5],
      ['E05', '孩子考上大学或参军入伍', 2, true],
    ],
  ],
  [
    '村务参与',
    [
      ['F01', '参加村民会议或村民代表会议一次', 0.5],
      ['F02', '给村里提的建议被采纳', 2],
      ['F03', '参加坝坝会等议事活动一次', 0.5],
      ['F04', '配合做好人口、防疫等登记', 0.4],
      ['F05', '参加农技培训一次', 0.5],
    ],
  ],
  [
    '负面清单',
    [
      ['N01', '参与封建迷信活动', -5],
      ['N02', '故意损坏公共设施', -5, true],
      ['N03', '乱倒垃圾，经劝阻不改', -5, true],
      ['N04', '聚众赌博', -5],
      ['N05', '乱搭乱建、乱占耕地', -5, true],
      ['N06', '野外乱用火、焚烧秸秆', -5, true],
      ['N07', '不赡养老人，或打骂家里人', -5],
      ['N08', '红白事大操大办、索要高价彩礼', -5],
      ['N09', '酒后闹事、打架斗殴', -5],
      ['N10', '私拉电线、偷水偷电', -5],
    ],
  ],
];

export const DEMO_RULE_ITEMS: RuleItemInput[] = BOOK.flatMap(([category, rows]) =>
  rows.map(([code, description, points, evidence]) => ({ code, category, description, pointsTenths: Math.round(points * 10), evidenceRequired: evidence === true })),
);

const INTRO = [
  '为推进乡村治理积分制，引导大家讲文明、守村规、多参与村里的事，村“两委”在征求各组群众意见后拟定了本积分细则，提请村民会议表决。',
  '',
  '积分以户为单位，网格员实时记录，村民也可以自己申报；评议小组每月评议，每季度公示，公示期内可以申请复议。积分可以在村积分超市兑换生活用品。',
  '积分只用于表扬和奖励，不影响任何人的选举权、表决权和应当享受的补贴。',
].join('\n');

/** A clock the seed moves through the weeks the 村规民约 took, so the matter's dates read true. */
class SeedClock extends Clock {
  day = '';

  override now(): Date {
    return new Date(`${this.day}T02:00:00Z`);
  }
}

/**
 * The demo village's rule book, adopted the honest way: written as a draft, put to the villagers as a
 * 村规民约 matter (RuleBooksService.propose), taken through 四议 — the merged 党组织提议/两委商议
 * meeting (一肩挑), the 党员大会, the 村民会议 — and adopted by the same stage listener the app runs,
 * a fortnight before last quarter began, then put into effect (实施).
 */
export async function seedDemoPointsRules({ dataSource, clock: appClock, uow, demo }: DemoPointsContext): Promise<void> {
  const secretary = demo.roles.find((r) => r.role === 'secretary');
  const signIn = await dataSource.getRepository(MatterFile).findOneBy({ id: stableId('matter-file:tulingdi-linpan-signin') });
  if (!secretary || !signIn) return;
  const actorFor = (residentId: string, roles: VillageActor['roles']): VillageActor => ({
    accountId: 'demo-seed',
    sessionId: 'demo-seed',
    villageId: demo.villageId,
    residentId,
    townshipId: null,
    roles,
    correlationId: 'demo-seed',
  });
  const actor = actorFor(secretary.residentId, ['secretary', 'branch_committee', 'village_committee', 'villager']);
  const committee = [...new Set(demo.roles.filter((r) => r.role === 'branch_committee' || r.role === 'village_committee').map((r) => r.residentId))];
  const holders = new Set(demo.roles.map((r) => r.residentId));
  const [teller, scrutineer] = demo.residents.filter((r) => r.isPartyMember && !holders.has(r.id));
  const partyMembers = demo.residents.filter((r) => r.isPartyMember).length;
  const households = demo.households.length;
  if (!teller || !scrutineer) return;

  const clock = new SeedClock();
  const workflow = new MatterWorkflowService(uow, clock, new SystemNoticePublisher(clock));
  const books = new RuleBooksService(dataSource, uow, clock, workflow);
  books.onModuleInit();
  // The seed files no objections, so the content check is never called.
  const noContentCheck = { msgSecCheck: () => Promise.reject(new Error('no content check in the seed')) } as unknown as WechatClient;
  const commands = new MatterCommandsService(workflow, uow, clock, dataSource, noContentCheck);

  const adoptedOn = addDays(quarterDays(shiftQuarter(quarterOf(chinaDay(appClock.now())), -1))[0], -15);
  const at = (offset: number): void => {
    clock.day = addDays(adoptedOn, offset);
  };
  let version = 1;
  const meeting = async (matterId: string, m: { purpose: MeetingPurpose; body: DecisionBody; electorate: Electorate; noticeDays: number; eligible: number; present: number; against: number; minutes: string; counted: boolean; attendees: string[] }) => {
    const heldOn = clock.day;
    const id = await commands.schedule(actor, matterId, {
      purpose: m.purpose,
      body: m.body,
      electorate: m.electorate,
      scheduledAt: new Date(`${heldOn}T01:30:00Z`).toISOString(),
      place: '村党群服务中心二楼会议室',
      noticeGivenOn: addDays(heldOn, -m.noticeDays),
    });
    await commands.record(actor, matterId, id, {
      heldOn,
      revision: 1,
      attendeeResidentIds: m.attendees,
      minutes: m.minutes,
      signInSheetPhotoIds: [signIn.id],
      signerResidentIds: [secretary.residentId],
      count: {
        kind: 'paper',
        turnout: { eligible: m.eligible, participated: m.present },
        counts: { for: m.present - m.against, against: m.against, abstain: 0 },
        tellerResidentId: m.counted ? teller.id : null,
        scrutineerResidentId: m.counted ? scrutineer.id : null,
      },
    });
    if (m.counted) await commands.confirmCount(actorFor(scrutineer.id, ['villager', 'party_member']), matterId, id, {});
    return id;
  };
  const advance = async (matterId: string, event: MatterEventDto) => {
    await commands.advance(actor, matterId, { event, version });
    version += 1;
  };

  at(-40);
  const draft = await books.create(actor, { title: `${DEMO.village.name}村民积分细则`, items: DEMO_RULE_ITEMS });
  const proposed = await books.propose(actor, draft.id, { body: INTRO });
  const matterId = proposed.adoptingMatter?.id as string;
  const merged = await meeting(matterId, {
    purpose: 'merged_proposal',
    body: 'committee_meeting',
    electorate: 'committee_members',
    noticeDays: 1,
    eligible: committee.length,
    present: committee.length,
    against: 0,
    minutes: '村党支部委员会和村民委员会联席会议。逐条讨论了积分细则，把“乱倒垃圾”改为“经劝阻不改”才扣分，一致同意提请党员大会审议。',
    counted: false,
    attendees: committee,
  });
  await advance(matterId, { type: 'record_merged_meeting', meetingId: merged });
  at(-30);
  const party = await meeting(matterId, {
    purpose: 'party_review',
    body: 'party_assembly',
    electorate: 'party_members',
    noticeDays: 3,
    eligible: partyMembers,
    present: partyMembers - 2,
    against: 1,
    minutes: '党员大会审议积分细则。党员们建议负面清单只扣分、不取消任何待遇，会议同意提交村民会议表决。',
    counted: true,
    attendees: [secretary.residentId],
  });
  await advance(matterId, { type: 'record_party_review', meetingId: party });
  at(0);
  const assembly = await meeting(matterId, {
    purpose: 'assembly_resolution',
    body: 'villager_assembly',
    electorate: 'households',
    noticeDays: 12,
    eligible: households,
    present: Math.ceil(households * 0.8),
    against: 3,
    minutes: '村民会议表决积分细则。书记逐条宣读，户代表举手表决，过半数同意通过，决议在村务公开栏公示。',
    counted: true,
    attendees: [],
  });
  await advance(matterId, { type: 'record_assembly_resolution', meetingId: assembly });
  at(10);
  await advance(matterId, { type: 'start_implementation', responsibleResidentId: secretary.residentId, plannedStartOn: clock.day, plannedEndOn: addDays(clock.day, 365), budgetFen: null });
}
