import { Injectable } from '@nestjs/common';
import {
  assessCadence,
  cadencePeriodFor,
  chinaDay,
  NOTICE_CATEGORIES,
  type NoticePolicy,
  type VillageCadence,
} from '@village/shared';
import { auditActor, type VillageActor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import type { Village } from '../villages/entities';
import { UnitOfWork } from '../audit/unit-of-work';
import { policyColumns, policyOf } from './domain/notice-policy';
import { NoticePolicyRow } from './entities';
import { NoticeStore } from './notice.store';
import { NoticesRepository } from './notices.repository';

/**
 * A village's disclosure policy (finance cadence, minimum windows) and whether each category is
 * disclosed as often as OL art. 30 asks (committee, supervisors, township).
 */
@Injectable()
export class NoticePolicyService {
  constructor(
    private readonly repo: NoticesRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async get(villageId: string, store: NoticeStore = this.repo.store()): Promise<NoticePolicy> {
    return policyOf(await store.policy(villageId));
  }

  async put(actor: VillageActor, policy: NoticePolicy): Promise<NoticePolicy> {
    const next = { financeCadence: policy.financeCadence, minWindowDays: { ...policy.minWindowDays } };
    await this.uow.run(auditActor(actor), async ({ manager, record }) => {
      const store = new NoticeStore(manager);
      const row = await store.policy(actor.villageId);
      const before = policyOf(row);
      if (row) await store.update(NoticePolicyRow, { villageId: actor.villageId }, policyColumns(next));
      else await store.insert(NoticePolicyRow, { villageId: actor.villageId, ...policyColumns(next) } as NoticePolicyRow);
      await record({
        action: 'notice.policy.changed',
        entityType: 'notice_policy',
        entityId: actor.villageId,
        before: { ...before, minWindowDays: { ...before.minWindowDays } },
        after: { ...next, minWindowDays: { ...next.minWindowDays } },
      });
    });
    return this.get(actor.villageId);
  }

  async villageCadence(villageId: string): Promise<VillageCadence> {
    const store = this.repo.store();
    const village = await store.village(villageId);
    if (!village) throw new Error(`village ${villageId} missing`);
    const [cadence] = await this.cadence(store, [village]);
    return cadence;
  }

  /** 乡镇干部: every village of their township, most overdue first, then by code. */
  async townshipCadence(townshipId: string): Promise<VillageCadence[]> {
    const store = this.repo.store();
    const villages = await store.villagesOfTownship(townshipId);
    const rows = await this.cadence(store, villages);
    return rows.sort((a, b) => b.overdueCount - a.overdueCount);
  }

  private async cadence(store: NoticeStore, villages: Village[]): Promise<VillageCadence[]> {
    const ids = villages.map((v) => v.id);
    const [policies, last] = await Promise.all([store.policies(ids), store.lastPublished(ids, NOTICE_CATEGORIES)]);
    const policyByVillage = new Map(policies.map((p) => [p.villageId, policyOf(p)]));
    const lastBy = new Map(last.map((l) => [`${l.villageId}:${l.kind}`, l.at]));
    const today = chinaDay(this.clock.now());
    return villages.map((village) => {
      const policy = policyByVillage.get(village.id) ?? policyOf(null);
      const categories = NOTICE_CATEGORIES.map((category) => {
        const at = lastBy.get(`${village.id}:${category}`) ?? null;
        const period = cadencePeriodFor(category, policy.financeCadence);
        const verdict = assessCadence({ category, period, lastPublishedOn: at ? chinaDay(at) : null, today });
        return {
          category,
          period,
          lastPublishedAt: at ? at.toISOString() : null,
          dueBy: verdict.dueBy,
          overdue: verdict.overdue,
          explanation: verdict.explanation,
        };
      });
      return { village: { id: village.id, name: village.name }, categories, overdueCount: categories.filter((c) => c.overdue).length };
    });
  }
}
