import { addDays, chinaDay } from '@village/shared';
import type { DataSource } from 'typeorm';
import type { VillageActor } from '../common/auth/actor';
import { Clock } from '../common/clock';
import { UnitOfWork } from '../modules/audit/unit-of-work';
import { Matter, MatterFile } from '../modules/matters/entities';
import { MatterCommandsService } from '../modules/matters/matter-commands.service';
import { MatterWorkflowService } from '../modules/matters/matter-workflow.service';
import type { NoticeFileStorage } from '../modules/notices/storage/notice-file-storage';
import { storageKey } from '../modules/notices/storage/notice-file-storage';
import { SystemNoticePublisher } from '../modules/notices/system-notice-publisher';
import { Village } from '../modules/villages/entities';
import type { WechatClient } from '../modules/wechat/wechat.client';
import { buildDemoVillage, DEMO } from './demo-village';
import { stableId } from './stable-id';

export type DemoMattersOutcome = 'created' | 'already-present' | 'no-demo-village';

/** A 1×1 JPEG standing in for the photo of the signed sign-in sheet. */
const SIGN_IN_SHEET = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);

const TITLE = '土岭底组林盘人居环境整治筹资筹劳方案';
const BODY = [
  '为改善土岭底组林盘人居环境，经村党支部提议，拟对林盘内的巷道、沟渠和房前屋后进行整治。',
  '',
  '- 整治内容：硬化入户巷道 620 米，清淤排水沟渠 900 米，拆除残垣断壁 14 处，补植乡土树种。',
  '- 筹资筹劳：按“群众筹一点、集体补一点、上级奖一点”的原则，本组群众每人筹资 50 元，每户筹劳 5 个工日；困难户、五保户免筹。',
  '- 集体补助：从村集体经济收益中补助 3 万元，其余申请上级奖补资金。',
  '- 监督：由村务监督委员会全程监督，账目在村务公开栏按月公开。',
].join('\n');

/**
 * Seeds one matter in progress through the real workflow path (propose, announce and record the
 * 党组织提议 meeting, apply it): it waits at 两委商议, with the 两委联席会议 announced for tomorrow.
 */
export async function seedDemoMatters(
  dataSource: DataSource,
  clock: Clock = new Clock(),
  storage: NoticeFileStorage | null = null,
  /** The app's unit of work, so its commit listeners (every-N audit checkpoints) see the seeded events. */
  unitOfWork: UnitOfWork | null = null,
): Promise<DemoMattersOutcome> {
  const demo = buildDemoVillage();
  const village = await dataSource.getRepository(Village).findOneBy({ code: DEMO.village.code });
  if (!village || village.id !== demo.villageId) return 'no-demo-village';
  if (await dataSource.getRepository(Matter).existsBy({ villageId: demo.villageId })) return 'already-present';

  const secretaryRole = demo.roles.find((r) => r.role === 'secretary');
  if (!secretaryRole) return 'no-demo-village';
  const branch = demo.roles.filter((r) => r.role === 'branch_committee').map((r) => r.residentId);
  const actor: VillageActor = {
    accountId: 'demo-seed',
    sessionId: 'demo-seed',
    villageId: demo.villageId,
    residentId: secretaryRole.residentId,
    townshipId: null,
    roles: ['secretary', 'branch_committee', 'village_committee', 'villager'],
    correlationId: 'demo-seed',
  };
  const uow = unitOfWork ?? new UnitOfWork(dataSource, clock);
  const workflow = new MatterWorkflowService(uow, clock, new SystemNoticePublisher(clock));
  // The seed files no objections, so the content check is never called.
  const noContentCheck = { msgSecCheck: () => Promise.reject(new Error('no content check in the seed')) } as unknown as WechatClient;
  const commands = new MatterCommandsService(workflow, uow, clock, dataSource, noContentCheck);
  const today = chinaDay(clock.now());

  const photoId = stableId('matter-file:tulingdi-linpan-signin');
  if (storage) await storage.put(storageKey(demo.villageId, photoId), SIGN_IN_SHEET);
  await uow.run({ villageId: demo.villageId, actorId: actor.residentId, actorRole: 'secretary', correlationId: 'demo-seed' }, async (work) => {
    const file: MatterFile = {
      id: photoId,
      villageId: demo.villageId,
      fileName: '党组织提议会议签到表.jpg',
      contentType: 'image/jpeg',
      sizeBytes: SIGN_IN_SHEET.length,
      sha256: 'demo',
      uploadedByResidentId: actor.residentId,
      createdAt: clock.now(),
    };
    await work.manager.insert(MatterFile, file);
    await work.record({ action: 'matter.file.uploaded', entityType: 'matter_file', entityId: photoId, after: { contentType: file.contentType, sizeBytes: file.sizeBytes, source: 'demo' } });
  });

  const matterId = await commands.create(actor, { typeCode: 'public_welfare_funding', title: TITLE, body: BODY, budgetFen: 12_600_000 });
  const meetingId = await commands.schedule(actor, matterId, {
    purpose: 'branch_proposal',
    body: 'committee_meeting',
    electorate: 'committee_members',
    scheduledAt: new Date(Date.parse(`${today}T01:30:00Z`)).toISOString(),
    place: '村党群服务中心二楼会议室',
    noticeGivenOn: addDays(today, -1),
  });
  await commands.record(actor, matterId, meetingId, {
    heldOn: today,
    revision: 1,
    attendeeResidentIds: branch,
    minutes: '村党支部委员会会议。书记介绍了土岭底组群众在林盘坝坝会上提出的整治诉求，与会委员逐项讨论整治范围和筹资筹劳标准，一致同意提议，提交村“两委”联席会议商议。',
    signInSheetPhotoIds: [photoId],
    signerResidentIds: branch.slice(0, 2),
    count: { kind: 'paper', turnout: { eligible: branch.length, participated: branch.length }, counts: { for: branch.length, against: 0, abstain: 0 }, tellerResidentId: null, scrutineerResidentId: null },
  });
  await commands.advance(actor, matterId, { event: { type: 'record_branch_meeting', meetingId }, version: 1 });
  await commands.schedule(actor, matterId, {
    purpose: 'committees_deliberation',
    body: 'committee_meeting',
    electorate: 'committee_members',
    scheduledAt: new Date(Date.parse(`${addDays(today, 1)}T07:00:00Z`)).toISOString(),
    place: '村党群服务中心二楼会议室',
    noticeGivenOn: today,
  });
  return 'created';
}
