import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  earnedTotals,
  seesBoardFollowUp,
  selectBoard,
  type BoardEntryView,
  type HouseholdTotal,
  type PointsBoardView,
} from '@village/shared';
import { DataSource } from 'typeorm';
import { auditActor, type VillageActor } from '../../../common/auth/actor';
import { Clock } from '../../../common/clock';
import { UnitOfWork, type AuditActor } from '../../audit/unit-of-work';
import { isDuplicateKey } from '../../notices/domain/notice-snapshot';
import { SystemNoticePublisher } from '../../notices/system-notice-publisher';
import { PointsBoard, PointsBoardEntry } from '../entities';
import { pointsHouseholds, type HouseholdRef } from '../points-households';
import { PointsException } from '../points.exception';
import { pointsSettings } from '../points-settings';
import { residentNames } from '../records/record-views';
import { boardNotice } from './domain/board-notice';
import type { BoardFollowUpDto, BoardsQueryDto, PublishBoardDto } from './dto/standing.dto';
import { StandingStore } from './standing.store';

/** Boards listed at once: three years of quarters. */
export const BOARDS_LIMIT = 12;

const ALREADY_PUBLISHED = '这个季度的红黑榜已经发布过了，请在红黑榜里查看';

/** Who is looking at a board, for the 帮扶 notes. */
interface BoardViewer {
  roles: VillageActor['roles'];
  householdId: string | null;
}

/**
 * The quarter's 红黑榜 (DOMAIN.md §6): computed once from the published quarter with the shared
 * `selectBoard` and the village's settings, stored, and announced as one honour-board notice in the
 * same unit of work. The black list is for 1对1帮扶: the committee's notes are seen only by the 两委,
 * the 监委会 and the household itself, and nothing here touches any right (points-isolation.spec.ts).
 */
@Injectable()
export class BoardsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly notices: SystemNoticePublisher,
  ) {}

  private read<T>(task: (store: StandingStore) => Promise<T>): Promise<T> {
    return this.uow.exclusive(() => task(new StandingStore(this.dataSource.manager)));
  }

  list(actor: VillageActor, query: BoardsQueryDto): Promise<PointsBoardView[]> {
    return this.read(async (store) => this.views(store, actor.villageId, await this.viewer(store, actor), await store.boards(actor.villageId, query.quarter, BOARDS_LIMIT)));
  }

  detail(actor: VillageActor, boardId: string): Promise<PointsBoardView> {
    return this.read(async (store) => {
      const board = await store.board(actor.villageId, boardId);
      if (!board) throw PointsException.notFound('红黑榜');
      const [view] = await this.views(store, actor.villageId, await this.viewer(store, actor), [board]);
      return view;
    });
  }

  async publish(actor: VillageActor, dto: PublishBoardDto): Promise<PointsBoardView> {
    return this.publishAs(auditActor(actor), actor.residentId, dto.quarter).then((id) => this.detail(actor, id));
  }

  /**
   * Publishes a quarter's board as `residentId` (the demo seed uses it too). 409 before the quarter's
   * points are published, and once a board exists (the unique key settles a race).
   */
  async publishAs(audit: AuditActor, residentId: string, quarter: string): Promise<string> {
    const villageId = audit.villageId;
    try {
      return await this.uow.run(audit, async (work) => {
        const store = new StandingStore(work.manager);
        if (!(await store.publication(villageId, quarter))) {
          throw PointsException.refused('这个季度的积分还没有公示，请先由村党组织审定公示，再发布红黑榜');
        }
        if (await store.boardOfQuarter(villageId, quarter)) throw PointsException.refused(ALREADY_PUBLISHED);
        const settings = await pointsSettings(work.manager, villageId);
        const totals = earnedTotals(await store.earnedSums(villageId, [quarter]), [quarter]);
        const households = await pointsHouseholds(work.manager, villageId, [...totals.keys()]);
        const ranked: HouseholdTotal[] = [...totals.entries()].flatMap(([householdId, totalTenths]) => {
          const household = households.get(householdId);
          return household ? [{ householdId, number: household.number, totalTenths }] : [];
        });
        const selection = selectBoard(ranked, await store.negativeItems(villageId, quarter), settings);
        const board: PointsBoard = { id: store.newId(), villageId, quarter, noticeId: '', publishedByResidentId: residentId, publishedAt: this.clock.now() };
        const line = (pick: { householdId: string; reason: string }) => ({ label: (households.get(pick.householdId) as HouseholdRef).label, reason: pick.reason });
        const text = boardNotice(quarter, selection.red.map(line), selection.black.map(line));
        const notice = await this.notices.publish(work, { villageId, kind: 'honour_board', ...text, source: { entityType: 'points_board', entityId: board.id } });
        board.noticeId = notice.id;
        await work.manager.insert(PointsBoard, board);
        const entries: PointsBoardEntry[] = [...selection.red, ...selection.black].map((pick) => ({
          boardId: board.id,
          householdId: pick.householdId,
          list: pick.list,
          totalTenths: pick.totalTenths,
          reason: pick.reason,
          followUpNote: null,
          followUpByResidentId: null,
          followUpAt: null,
        }));
        if (entries.length > 0) await work.manager.insert(PointsBoardEntry, entries);
        await work.record({
          action: 'points.board.published',
          entityType: 'points_board',
          entityId: board.id,
          after: {
            quarter,
            noticeId: notice.id,
            households: ranked.length,
            red: selection.red.map((p) => p.householdId),
            black: selection.black.map((p) => p.householdId),
            settings: { redSharePercent: settings.redSharePercent, blackSharePercent: settings.blackSharePercent, blackBelowTenths: settings.blackBelowTenths, blackOnNegativeItem: settings.blackOnNegativeItem },
          },
        });
        return board.id;
      });
    } catch (error) {
      if (isDuplicateKey(error)) throw PointsException.refused(ALREADY_PUBLISHED);
      throw error;
    }
  }

  /** The committee's 帮扶 note for a black-listed household (replaces the previous note; the trail keeps each). */
  async followUp(actor: VillageActor, boardId: string, householdId: string, dto: BoardFollowUpDto): Promise<PointsBoardView> {
    await this.followUpAs(auditActor(actor), actor.residentId, boardId, householdId, dto.note);
    return this.detail(actor, boardId);
  }

  async followUpAs(audit: AuditActor, residentId: string, boardId: string, householdId: string, note: string): Promise<void> {
    await this.uow.run(audit, async (work) => {
      const store = new StandingStore(work.manager);
      const board = await store.board(audit.villageId, boardId);
      if (!board) throw PointsException.notFound('红黑榜');
      const entry = await store.boardEntry(board.id, householdId);
      if (!entry) throw PointsException.notFound('上榜的户');
      if (entry.list !== 'black') throw PointsException.invalid('这户在红榜上，帮扶记录只写给需要帮助改进的户');
      const at = this.clock.now();
      await work.manager.update(PointsBoardEntry, { boardId: board.id, householdId }, { followUpNote: note, followUpByResidentId: residentId, followUpAt: at });
      // The note is about a family's circumstances: the append-only trail keeps its fingerprint, not its words.
      await work.record({
        action: 'points.board.followed_up',
        entityType: 'points_board',
        entityId: board.id,
        before: { householdId, noteSha256: entry.followUpNote === null ? null : sha256(entry.followUpNote), by: entry.followUpByResidentId },
        after: { householdId, noteSha256: sha256(note), by: residentId },
      });
    });
  }

  private async viewer(store: StandingStore, actor: VillageActor): Promise<BoardViewer> {
    const resident = await store.resident(actor.villageId, actor.residentId);
    return { roles: actor.roles, householdId: resident?.householdId ?? null };
  }

  private async views(store: StandingStore, villageId: string, viewer: BoardViewer, boards: readonly PointsBoard[]): Promise<PointsBoardView[]> {
    const entries = await store.boardEntries(boards.map((b) => b.id));
    const [households, names, notices] = await Promise.all([
      pointsHouseholds(store.manager, villageId, entries.map((e) => e.householdId)),
      residentNames(store.manager, villageId, entries.map((e) => e.followUpByResidentId)),
      store.noticeTitles(villageId, boards.map((b) => b.noticeId)),
    ]);
    const entryView = (entry: PointsBoardEntry): BoardEntryView => {
      const household = households.get(entry.householdId);
      const seen = entry.followUpNote !== null && entry.followUpAt !== null && entry.followUpByResidentId !== null && seesBoardFollowUp(viewer.roles, viewer.householdId, entry.householdId);
      return {
        household: household ? { id: household.id, number: household.number, label: household.label } : { id: entry.householdId, number: '', label: '' },
        list: entry.list,
        totalTenths: entry.totalTenths,
        reason: entry.reason,
        followUp: seen ? { note: entry.followUpNote as string, by: names.ref(entry.followUpByResidentId as string), at: new Date(entry.followUpAt as Date).toISOString() } : null,
      };
    };
    const byNumber = (a: BoardEntryView, b: BoardEntryView): number => a.household.number.localeCompare(b.household.number, 'en', { numeric: true });
    return boards.map((board) => {
      const own = entries.filter((e) => e.boardId === board.id);
      return {
        id: board.id,
        quarter: board.quarter,
        publishedAt: new Date(board.publishedAt).toISOString(),
        notice: { id: board.noticeId, name: notices.get(board.noticeId) ?? '' },
        // Red highest first (ties by 户号), as on the notice; black by 户号, never worst first.
        red: own
          .filter((e) => e.list === 'red')
          .map(entryView)
          .sort((a, b) => b.totalTenths - a.totalTenths || byNumber(a, b)),
        black: own.filter((e) => e.list === 'black').map(entryView).sort(byNumber),
      };
    });
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
