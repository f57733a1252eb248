import { Injectable } from '@nestjs/common';
import { chinaDay, type VillageOversightRow } from '@village/shared';
import { Clock } from '../../common/clock';
import { UnitOfWork } from '../audit/unit-of-work';
import { MatterConfigService } from '../matters/matter-config.service';
import { NoticePolicyService } from '../notices/notice-policy.service';
import { ProposalOversight } from '../proposals/proposal-oversight';
import { averageAwareness, AWARENESS_WINDOW_DAYS } from './domain/average-awareness';
import { oversightCsv, sortOversightRows, type OversightSortColumn, type SortOrder } from './domain/oversight';
import { TownshipRepository } from './township.repository';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The township's oversight page (issue 8): for each village of the caller's township, what is late or
 * stuck. Each figure comes from the module that owns the rule:
 * - overdueDisclosures: categories (党务/村务/财务) whose OL art. 30 cadence is overdue — the same
 *   verdicts as GET /api/township/notice-cadence. Matter disclosures are not counted separately: the
 *   workflow publishes a matter's resolution and result notices itself when the matter moves on;
 * - overdueProposalReplies: ProposalOversight (proposals module);
 * - openBlockingOpinions: 要求纠正 supervision opinions not lifted yet;
 * - open/overdueConveningObligations: the convening obligations of GET /api/township/convening-obligations;
 * - averageAwareness: mean 知晓率 of notices published in the last 90 days.
 */
@Injectable()
export class TownshipOversightService {
  constructor(
    private readonly repo: TownshipRepository,
    private readonly notices: NoticePolicyService,
    private readonly matters: MatterConfigService,
    private readonly proposals: ProposalOversight,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async rows(townshipId: string, sort?: OversightSortColumn, order?: SortOrder): Promise<VillageOversightRow[]> {
    const villages = await this.uow.exclusive(() => this.repo.villagesOfTownship(townshipId));
    if (villages.length === 0) return [];
    const ids = villages.map((v) => v.id);
    const now = this.clock.now();
    const [cadences, obligations, replies, opinions, awarenessRows] = await Promise.all([
      this.notices.townshipCadence(townshipId),
      this.matters.townshipObligations(townshipId, {}),
      this.proposals.overdueReplies(ids, chinaDay(now)),
      this.uow.exclusive(() => this.repo.openBlockingOpinions(ids)),
      this.uow.exclusive(() => this.repo.awarenessRows(ids, new Date(now.getTime() - AWARENESS_WINDOW_DAYS * DAY_MS))),
    ]);
    const overdueCategories = new Map(cadences.map((c) => [c.village.id, c.overdueCount]));
    const awareness = averageAwareness(awarenessRows);
    const rows = villages.map(
      (v): VillageOversightRow => ({
        village: { id: v.id, name: v.name },
        overdueDisclosures: overdueCategories.get(v.id) ?? 0,
        overdueProposalReplies: replies.get(v.id) ?? 0,
        openBlockingOpinions: opinions.get(v.id) ?? 0,
        openConveningObligations: obligations.filter((o) => o.village.id === v.id && o.status === 'open').length,
        overdueConveningObligations: obligations.filter((o) => o.village.id === v.id && o.status === 'overdue').length,
        averageAwareness: awareness.get(v.id) ?? null,
      }),
    );
    return sortOversightRows(rows, sort, order);
  }

  async csv(townshipId: string, sort?: OversightSortColumn, order?: SortOrder): Promise<{ fileName: string; content: string }> {
    const rows = await this.rows(townshipId, sort, order);
    return { fileName: `township-oversight-${chinaDay(this.clock.now())}.csv`, content: oversightCsv(rows) };
  }
}
