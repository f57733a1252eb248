import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  chinaDay,
  editsRuleBook,
  formatPoints,
  MATTER_BODY_MAX,
  normalizeRuleItems,
  RULE_BOOK_STATUS_LABELS,
  RULE_BOOK_TITLE_MAX,
  ruleBookProblems,
  ruleCategories,
  seesRuleBook,
  type RuleBookDetail,
  type RuleBookList,
  type RuleBookProblem,
  type RuleBookStatus,
  type RuleBookSummary,
  type RuleItemInput,
} from '@village/shared';
import { DataSource, In, type EntityManager } from 'typeorm';
import { auditActor, type VillageActor } from '../../../common/auth/actor';
import { Clock } from '../../../common/clock';
import { UnitOfWork, type Work } from '../../audit/unit-of-work';
import { Matter } from '../../matters/entities';
import { MatterWorkflowService } from '../../matters/matter-workflow.service';
import { PointsRuleBook, PointsRuleItem } from '../entities';
import { PointsException } from '../points.exception';
import { ruleItemsFromSheet } from './domain/rule-book-sheet';
import { effectiveRuleBook } from './effective-rule-book';
import { readRuleBookWorkbook, writeRuleBookWorkbook } from './rule-book-workbook';

/** The matter type whose resolution adopts a rule book (村规民约, decided by the 村民会议). */
export const RULE_BOOK_MATTER_TYPE = 'village_rules';

export interface RuleBookDraftInput {
  title?: string;
  items?: RuleItemInput[];
  copyFrom?: string;
  version?: number;
}

/** How many problems the 400's message lists before "等 N 处"; `details.problems` has them all. */
const PROBLEMS_IN_MESSAGE = 5;

function invalidBook(problems: RuleBookProblem[]): PointsException {
  const shown = problems.slice(0, PROBLEMS_IN_MESSAGE).map((p) => p.message);
  const more = problems.length > shown.length ? `……共 ${problems.length} 处` : '';
  return PointsException.invalid(`积分细则有 ${problems.length} 处要改，改好后再保存：${shown.join('；')}${more}`, { problems });
}

/**
 * 积分细则: drafts the 两委 write, edit, import and export, put to the villagers through a 村规民约
 * matter; the book is adopted only when that matter's resolution passes (the stage listener below),
 * and the adopted one before it is then superseded.
 */
@Injectable()
export class RuleBooksService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly workflow: MatterWorkflowService,
  ) {}

  onModuleInit(): void {
    this.workflow.onStageChanged((work, change) => this.followMatter(work, change.matter, change.to));
  }

  private read<T>(task: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.uow.exclusive(() => task(this.dataSource.manager));
  }

  // ------------------------------------------------------------ read

  async list(actor: VillageActor): Promise<RuleBookList> {
    return this.read(async (manager) => {
      const books = (await manager.getRepository(PointsRuleBook).find({ where: { villageId: actor.villageId }, order: { number: 'DESC' } })).filter((b) => seesRuleBook(b.status, actor.roles));
      const summaries = await this.summaries(manager, books);
      const effective = await effectiveRuleBook(manager, actor.villageId);
      return { effective: summaries.find((s) => s.id === effective?.book.id) ?? null, books: summaries };
    });
  }

  async detail(actor: VillageActor, id: string): Promise<RuleBookDetail> {
    return this.read((manager) => this.detailWithin(manager, actor, id));
  }

  private async detailWithin(manager: EntityManager, actor: VillageActor, id: string): Promise<RuleBookDetail> {
    const book = await this.visibleBook(manager, actor, id);
    const items = await this.itemsOf(manager, book.id);
    const [summary] = await this.summaries(manager, [book]);
    return { ...summary, categories: ruleCategories(items), version: book.version, canEdit: editsRuleBook(book.status, actor.roles) };
  }

  /** The book as an .xlsx in the import's columns, with its file name. */
  async export(actor: VillageActor, id: string): Promise<{ buffer: Buffer; fileName: string }> {
    const { book, items } = await this.read(async (manager) => {
      const book = await this.visibleBook(manager, actor, id);
      return { book, items: await this.itemsOf(manager, book.id) };
    });
    return { buffer: await writeRuleBookWorkbook(items), fileName: `${book.title.replace(/[\\/:*?"<>|]/g, '')}（第${book.number}版）.xlsx` };
  }

  private async visibleBook(manager: EntityManager, actor: VillageActor, id: string): Promise<PointsRuleBook> {
    const book = await manager.getRepository(PointsRuleBook).findOneBy({ id, villageId: actor.villageId });
    if (!book || !seesRuleBook(book.status, actor.roles)) throw PointsException.notFound('积分细则');
    return book;
  }

  private async itemsOf(manager: EntityManager, bookId: string): Promise<RuleItemInput[]> {
    const rows = await manager.getRepository(PointsRuleItem).find({ where: { ruleBookId: bookId }, order: { position: 'ASC' } });
    return rows.map((r) => ({ code: r.code, category: r.category, description: r.description, pointsTenths: r.pointsTenths, evidenceRequired: r.evidenceRequired }));
  }

  private async summaries(manager: EntityManager, books: PointsRuleBook[]): Promise<RuleBookSummary[]> {
    if (books.length === 0) return [];
    const counts: { bookId: string; items: string | number; negative: string | number | null }[] = await manager
      .getRepository(PointsRuleItem)
      .createQueryBuilder('i')
      .select('i.rule_book_id', 'bookId')
      .addSelect('COUNT(*)', 'items')
      .addSelect('SUM(CASE WHEN i.points_tenths < 0 THEN 1 ELSE 0 END)', 'negative')
      .where({ ruleBookId: In(books.map((b) => b.id)) })
      .groupBy('i.rule_book_id')
      .getRawMany();
    const byBook = new Map(counts.map((c) => [c.bookId, c]));
    const matterIds = books.map((b) => b.adoptingMatterId).filter((id): id is string => Boolean(id));
    const matters = matterIds.length === 0 ? [] : await manager.getRepository(Matter).find({ select: { id: true, title: true }, where: { id: In(matterIds) } });
    const titles = new Map(matters.map((m) => [m.id, m.title]));
    return books.map((b) => ({
      id: b.id,
      number: b.number,
      title: b.title,
      status: b.status,
      statusLabel: RULE_BOOK_STATUS_LABELS[b.status],
      itemCount: Number(byBook.get(b.id)?.items ?? 0),
      negativeCount: Number(byBook.get(b.id)?.negative ?? 0),
      adoptingMatter: b.adoptingMatterId ? { id: b.adoptingMatterId, name: titles.get(b.adoptingMatterId) ?? '' } : null,
      adoptedOn: b.adoptedOn,
      createdAt: b.createdAt.toISOString(),
    }));
  }

  // ------------------------------------------------------------ write

  /** A new draft: written out, or copied from a version the actor can see. */
  async create(actor: VillageActor, input: RuleBookDraftInput): Promise<RuleBookDetail> {
    const id = await this.uow.run(auditActor(actor), async (work) => {
      let title = input.title;
      let items = input.items;
      let copiedFrom: PointsRuleBook | null = null;
      if (input.copyFrom !== undefined) {
        if (items !== undefined) throw PointsException.invalid('复制一个版本时不用再传条目（items）；复制好后再修改草稿');
        copiedFrom = await this.visibleBook(work.manager, actor, input.copyFrom);
        items = await this.itemsOf(work.manager, copiedFrom.id);
        title = title ?? copiedFrom.title;
      }
      return this.insertDraft(work, actor, title ?? '', items ?? [], { copiedFrom: copiedFrom?.id ?? null, source: copiedFrom ? 'copy' : 'editor' });
    });
    return this.detail(actor, id);
  }

  /** Replaces a draft's title and items as a whole. */
  async update(actor: VillageActor, id: string, input: RuleBookDraftInput): Promise<RuleBookDetail> {
    if (input.copyFrom !== undefined) throw PointsException.invalid('修改草稿时不能复制别的版本；要从别的版本开始，请新建草稿');
    await this.uow.run(auditActor(actor), async (work) => {
      const book = await this.draftToChange(work.manager, actor, id);
      if (input.version === undefined) throw PointsException.invalid('缺少版本号 version，请刷新后再改');
      if (input.version !== book.version) throw PointsException.versionConflict('这本积分细则');
      const items = this.checked(input.title ?? '', input.items ?? []);
      const title = (input.title ?? '').trim();
      const result = await work.manager.update(PointsRuleBook, { id: book.id, version: book.version }, { title, updatedAt: this.clock.now(), version: book.version + 1 });
      if (!result.affected) throw PointsException.versionConflict('这本积分细则');
      await work.manager.delete(PointsRuleItem, { ruleBookId: book.id });
      await this.insertItems(work.manager, book.id, items);
      await work.record({
        action: 'points.rule_book.edited',
        entityType: 'points_rule_book',
        entityId: book.id,
        before: { title: book.title, version: book.version },
        after: { title, version: book.version + 1, items: items.length, negative: items.filter((i) => i.pointsTenths < 0).length },
      });
    });
    return this.detail(actor, id);
  }

  /** A new draft from an .xlsx; any problem in any row refuses the whole file, listing them all. */
  async import(actor: VillageActor, buffer: Buffer, title: string | undefined): Promise<RuleBookDetail> {
    const rows = await readRuleBookWorkbook(buffer);
    const sheet = ruleItemsFromSheet(rows);
    if (sheet.problems.some((p) => p.row === null)) throw invalidBook(sheet.problems);
    const bookProblems = ruleBookProblems({ title: title ?? '积分细则', items: normalizeRuleItems(sheet.items) }, { rows: sheet.itemRows, rowWord: '行' });
    const problems = [...sheet.problems, ...bookProblems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    if (problems.length > 0) throw invalidBook(problems);
    const id = await this.uow.run(auditActor(actor), (work) => this.insertDraft(work, actor, title ?? null, sheet.items, { copiedFrom: null, source: 'xlsx' }));
    return this.detail(actor, id);
  }

  /**
   * Puts a draft to the villagers: starts its 村规民约 matter in the same unit of work and freezes the
   * book as `proposed`. It is adopted only when that matter's resolution passes.
   */
  async propose(actor: VillageActor, id: string, input: { matterTitle?: string; body: string }): Promise<RuleBookDetail> {
    await this.uow.run(auditActor(actor), async (work) => {
      const book = await this.draftToChange(work.manager, actor, id);
      const items = await this.itemsOf(work.manager, book.id);
      this.checked(book.title, items);
      const matterId = await this.workflow.proposeWithin(work, actor, {
        typeCode: RULE_BOOK_MATTER_TYPE,
        proposalId: null,
        title: input.matterTitle ?? book.title,
        body: matterBody(input.body, book, items),
        budgetFen: null,
        changeNote: null,
      });
      const result = await work.manager.update(PointsRuleBook, { id: book.id, version: book.version }, { status: 'proposed', adoptingMatterId: matterId, updatedAt: this.clock.now(), version: book.version + 1 });
      if (!result.affected) throw PointsException.versionConflict('这本积分细则');
      await work.record({ action: 'points.rule_book.proposed', entityType: 'points_rule_book', entityId: book.id, before: { status: book.status }, after: { status: 'proposed', adoptingMatterId: matterId, version: book.version + 1 } });
    });
    return this.detail(actor, id);
  }

  private async draftToChange(manager: EntityManager, actor: VillageActor, id: string): Promise<PointsRuleBook> {
    const book = await manager.getRepository(PointsRuleBook).findOneBy({ id, villageId: actor.villageId });
    if (!book) throw PointsException.notFound('积分细则');
    if (book.status !== 'draft') throw PointsException.refused(`这本积分细则${RULE_BOOK_STATUS_LABELS[book.status]}，不能再改。要改请“复制为新版本”，改好后重新提请村民会议`);
    return book;
  }

  /** The normalised items, or a 400 listing every problem. */
  private checked(title: string, items: RuleItemInput[]): RuleItemInput[] {
    const normalised = normalizeRuleItems(items);
    const problems = ruleBookProblems({ title, items: normalised });
    if (problems.length > 0) throw invalidBook(problems);
    return normalised;
  }

  private async insertDraft(work: Work, actor: VillageActor, title: string | null, input: RuleItemInput[], audit: { copiedFrom: string | null; source: 'editor' | 'copy' | 'xlsx' }): Promise<string> {
    const last = await work.manager.getRepository(PointsRuleBook).findOne({ select: { id: true, number: true }, where: { villageId: actor.villageId }, order: { number: 'DESC' } });
    const number = (last?.number ?? 0) + 1;
    const name = title ?? `积分细则（第 ${number} 版）`;
    const items = this.checked(name, input);
    const now = this.clock.now();
    const book: PointsRuleBook = {
      id: randomUUID(),
      villageId: actor.villageId,
      number,
      title: name.trim().slice(0, RULE_BOOK_TITLE_MAX),
      status: 'draft',
      adoptingMatterId: null,
      adoptedOn: null,
      createdByResidentId: actor.residentId,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await work.manager.insert(PointsRuleBook, book);
    await this.insertItems(work.manager, book.id, items);
    await work.record({
      action: 'points.rule_book.created',
      entityType: 'points_rule_book',
      entityId: book.id,
      after: { number, title: book.title, status: 'draft', items: items.length, negative: items.filter((i) => i.pointsTenths < 0).length, source: audit.source, copiedFrom: audit.copiedFrom },
    });
    return book.id;
  }

  private async insertItems(manager: EntityManager, bookId: string, items: RuleItemInput[]): Promise<void> {
    const rows: PointsRuleItem[] = items.map((item, position) => ({ id: randomUUID(), ruleBookId: bookId, position, ...item }));
    // Chunks keep each INSERT well under SQLite's bound-parameter limit.
    for (let i = 0; i < rows.length; i += 50) await manager.insert(PointsRuleItem, rows.slice(i, i + 50));
  }

  // ------------------------------------------------------------ adoption

  /**
   * In the matter's unit of work: a 村规民约 matter whose resolution passed (it enters 决议公示)
   * adopts its book and supersedes the one adopted before; one closed without a resolution withdraws
   * it. A book already decided is left alone (a sent-back matter re-enters 决议公示).
   */
  private async followMatter(work: Work, matter: Matter, to: string): Promise<void> {
    if (matter.typeCode !== RULE_BOOK_MATTER_TYPE) return;
    const outcome: RuleBookStatus | null = to === 'resolution_disclosure' ? 'adopted' : to === 'rejected' || to === 'withdrawn' ? 'withdrawn' : null;
    if (!outcome) return;
    const repo = work.manager.getRepository(PointsRuleBook);
    const book = await repo.findOneBy({ villageId: matter.villageId, adoptingMatterId: matter.id, status: 'proposed' });
    if (!book) return;
    const now = this.clock.now();
    if (outcome === 'adopted') {
      for (const previous of await repo.findBy({ villageId: matter.villageId, status: 'adopted' })) {
        await work.manager.update(PointsRuleBook, { id: previous.id }, { status: 'superseded', updatedAt: now, version: previous.version + 1 });
        await work.record({ action: 'points.rule_book.superseded', entityType: 'points_rule_book', entityId: previous.id, before: { status: 'adopted' }, after: { status: 'superseded', by: book.id, matterId: matter.id } });
      }
    }
    const adoptedOn = outcome === 'adopted' ? chinaDay(now) : null;
    await work.manager.update(PointsRuleBook, { id: book.id }, { status: outcome, adoptedOn, updatedAt: now, version: book.version + 1 });
    await work.record({ action: `points.rule_book.${outcome}`, entityType: 'points_rule_book', entityId: book.id, before: { status: 'proposed' }, after: { status: outcome, adoptedOn, matterId: matter.id, matterStage: to } });
  }
}

/** The proposal's words, then every item, so the villagers vote on the book itself. */
function matterBody(intro: string, book: PointsRuleBook, items: RuleItemInput[]): string {
  const lines = [intro.trim(), '', `附：${book.title}（第 ${book.number} 版，共 ${items.length} 条）`];
  for (const category of ruleCategories(items)) {
    lines.push('', `【${category.name}】`);
    for (const item of category.items) lines.push(`${item.code} ${item.description}：${item.pointsTenths > 0 ? '加' : '扣'} ${formatPoints(Math.abs(item.pointsTenths))} 分${item.evidenceRequired ? '（需要证明）' : ''}`);
  }
  const body = lines.join('\n');
  return body.length <= MATTER_BODY_MAX ? body : `${body.slice(0, MATTER_BODY_MAX - 40)}\n……（条目太多，其余见积分细则）`;
}
