import { Injectable } from '@nestjs/common';
import {
  CORRECTION_FIELD_LABELS,
  CORRECTION_OPEN_LIMIT,
  CORRECTION_OUTCOME_LABELS,
  ROSTER_PAGE_SIZE_DEFAULT,
  type CorrectionRequestView,
  type Page,
} from '@village/shared';
import { auditActor, type VillageActor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { UnitOfWork } from '../audit/unit-of-work';
import { maskNumbersInText } from './domain/mask-text';
import { assertVersion } from './domain/roster-rules';
import type { AnswerCorrectionRequestDto, CorrectionRequestQueryDto, CreateCorrectionRequestDto } from './dto/correction.dto';
import { CorrectionRequest } from './entities/correction-request.entity';
import { RosterErrorCode, RosterException } from './roster.exception';
import { RosterQuery } from './roster.query';
import { RosterStore } from './roster.store';

const REQUEST = '这条更正申请';

/**
 * PIPL art. 46: a villager may ask for their own record to be corrected; the committee answers each
 * request, and a refusal must give reasons (art. 50). Both steps are audited.
 */
@Injectable()
export class CorrectionRequestsService {
  constructor(
    private readonly query: RosterQuery,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async create(actor: VillageActor, dto: CreateCorrectionRequestDto): Promise<CorrectionRequestView> {
    const id = await this.uow.run(auditActor(actor, 'villager'), async ({ manager, record }) => {
      const store = new RosterStore(manager);
      if ((await store.countOpenCorrectionRequests(actor.residentId)) >= CORRECTION_OPEN_LIMIT) {
        throw new RosterException(
          RosterErrorCode.CorrectionLimitReached,
          `您已有 ${CORRECTION_OPEN_LIMIT} 条更正申请还没有答复，请等村委会答复后再提，或直接联系村委会。`,
        );
      }
      const request: CorrectionRequest = {
        id: store.newId(),
        villageId: actor.villageId,
        residentId: actor.residentId,
        field: dto.field,
        message: maskNumbersInText(dto.message),
        status: 'open',
        outcome: null,
        answer: null,
        answeredByResidentId: null,
        answeredAt: null,
      } as CorrectionRequest;
      await store.insert(CorrectionRequest, request);
      await record({
        action: 'resident.correction.requested',
        entityType: 'correction_request',
        entityId: request.id,
        after: { residentId: actor.residentId, field: dto.field, fieldLabel: CORRECTION_FIELD_LABELS[dto.field], message: request.message },
      });
      return request.id;
    });
    return this.view(actor.villageId, id);
  }

  async mine(actor: VillageActor, q: CorrectionRequestQueryDto): Promise<Page<CorrectionRequestView>> {
    return this.page(actor.villageId, { status: q.status, residentId: actor.residentId }, q);
  }

  async list(actor: VillageActor, q: CorrectionRequestQueryDto): Promise<Page<CorrectionRequestView>> {
    return this.page(actor.villageId, { status: q.status }, q);
  }

  async answer(actor: VillageActor, id: string, dto: AnswerCorrectionRequestDto): Promise<CorrectionRequestView> {
    await this.uow.run(auditActor(actor), async ({ manager, record }) => {
      const store = new RosterStore(manager);
      const request = await store.correctionRequest(actor.villageId, id);
      if (!request) throw new RosterException(RosterErrorCode.CorrectionRequestNotFound, '没有找到这条更正申请，请刷新后再试');
      if (request.status === 'answered') {
        throw new RosterException(RosterErrorCode.CorrectionAnswered, '这条更正申请已经答复过了，请刷新查看');
      }
      assertVersion(request.version, dto.version, REQUEST);
      const answer = maskNumbersInText(dto.answer);
      const written = await store.update(
        CorrectionRequest,
        { id, villageId: actor.villageId, version: dto.version },
        { status: 'answered', outcome: dto.outcome, answer, answeredByResidentId: actor.residentId, answeredAt: this.clock.now() },
      );
      if (!written) throw RosterException.versionConflict(REQUEST);
      await record({
        action: 'resident.correction.answered',
        entityType: 'correction_request',
        entityId: id,
        before: { status: 'open', residentId: request.residentId, field: request.field },
        after: { status: 'answered', residentId: request.residentId, outcome: dto.outcome, outcomeLabel: CORRECTION_OUTCOME_LABELS[dto.outcome], answer },
      });
    });
    return this.view(actor.villageId, id);
  }

  private async page(
    villageId: string,
    filter: { status?: CorrectionRequest['status']; residentId?: string },
    q: CorrectionRequestQueryDto,
  ): Promise<Page<CorrectionRequestView>> {
    const page = { page: q.page ?? 1, pageSize: q.pageSize ?? ROSTER_PAGE_SIZE_DEFAULT };
    const { items, total } = await this.query.correctionRequests(villageId, filter, page);
    return { items: await this.views(villageId, items), total, ...page };
  }

  private async view(villageId: string, id: string): Promise<CorrectionRequestView> {
    const request = (await this.query.store().correctionRequest(villageId, id)) as CorrectionRequest;
    const [view] = await this.views(villageId, [request]);
    return view;
  }

  private async views(villageId: string, requests: CorrectionRequest[]): Promise<CorrectionRequestView[]> {
    const people = await this.query
      .store()
      .residentsByIds(villageId, [...new Set(requests.flatMap((r) => [r.residentId, ...(r.answeredByResidentId ? [r.answeredByResidentId] : [])]))]);
    const byId = new Map(people.map((p) => [p.id, p]));
    const households = new Map((await this.query.householdsByIds(villageId, people.map((p) => p.householdId))).map((h) => [h.id, h]));
    return requests.map((r) => {
      const resident = byId.get(r.residentId);
      const answeredBy = r.answeredByResidentId ? byId.get(r.answeredByResidentId) : undefined;
      return {
        id: r.id,
        resident: { id: r.residentId, name: resident?.name ?? '', householdNumber: households.get(resident?.householdId ?? '')?.number ?? '' },
        field: r.field,
        message: r.message,
        status: r.status,
        outcome: r.outcome,
        answer: r.answer,
        answeredBy: answeredBy ? { id: answeredBy.id, name: answeredBy.name } : null,
        requestedAt: new Date(r.createdAt).toISOString(),
        answeredAt: r.answeredAt ? new Date(r.answeredAt).toISOString() : null,
        version: r.version,
      };
    });
  }
}
