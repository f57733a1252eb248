import { randomUUID } from 'node:crypto';
import { DEFAULT_PROPOSAL_CATEGORIES, PROPOSAL_REPLY_DAYS_DEFAULT, type ProposalSettings } from '@village/shared';
import { EntityManager, In, IsNull, LessThanOrEqual } from 'typeorm';
import { WechatAccount } from '../identity/entities';
import { ConveningPetition, Matter } from '../matters/entities';
import { Resident } from '../villages/entities';
import { Proposal, ProposalCosign, ProposalEvent, ProposalPhoto, ProposalSettingsRow } from './entities';
import { ProposalErrorCode, ProposalException } from './proposals.exception';

export interface StoredCategory {
  code: string;
  label: string;
}

/** The village's settings with the built-in categories merged in (never deleted, only switched off). */
export function resolveSettings(row: ProposalSettingsRow | null): ProposalSettings {
  const extras = row ? (JSON.parse(row.extrasJson) as StoredCategory[]) : [];
  const disabled = new Set(row ? (JSON.parse(row.disabledJson) as string[]) : []);
  return {
    replyDays: row?.replyDays ?? PROPOSAL_REPLY_DAYS_DEFAULT,
    categories: [
      ...DEFAULT_PROPOSAL_CATEGORIES.map((c) => ({ code: c.code, label: c.label, builtin: true, enabled: c.code === 'other' || !disabled.has(c.code) })),
      ...extras.map((c) => ({ code: c.code, label: c.label, builtin: false, enabled: !disabled.has(c.code) })),
    ],
  };
}

/** Queries over the proposal tables, always within one village; a row of another village is "not found". */
export class ProposalStore {
  constructor(readonly manager: EntityManager) {}

  newId(): string {
    return randomUUID();
  }

  private get mysql(): boolean {
    return this.manager.connection.options.type === 'mysql';
  }

  /** With `lock`, SELECT … FOR UPDATE on MySQL (SQLite's single writer already serialises). */
  async proposal(villageId: string, id: string, lock = false): Promise<Proposal> {
    const query = this.manager.getRepository(Proposal).createQueryBuilder('p').where('p.id = :id AND p.village_id = :villageId', { id, villageId });
    if (lock && this.mysql) query.setLock('pessimistic_write');
    const row = await query.getOne();
    if (!row) throw ProposalException.notFound();
    return row;
  }

  proposalsByIds(villageId: string, ids: string[]): Promise<Proposal[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.manager.getRepository(Proposal).find({ where: { villageId, id: In(ids) } });
  }

  async settings(villageId: string): Promise<ProposalSettings> {
    return resolveSettings(await this.settingsRow(villageId));
  }

  settingsRow(villageId: string): Promise<ProposalSettingsRow | null> {
    return this.manager.getRepository(ProposalSettingsRow).findOne({ where: { villageId } });
  }

  photosOf(proposalIds: string[]): Promise<ProposalPhoto[]> {
    if (proposalIds.length === 0) return Promise.resolve([]);
    return this.manager.getRepository(ProposalPhoto).find({ where: { proposalId: In(proposalIds) }, order: { position: 'ASC' } });
  }

  /** The uploads, all of this village, in the order given; 404 naming none when one is missing. */
  async uploads(villageId: string, ids: readonly string[]): Promise<ProposalPhoto[]> {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return [];
    const rows = await this.manager.getRepository(ProposalPhoto).find({ where: { villageId, id: In(wanted) } });
    if (rows.length !== wanted.length) throw ProposalException.fileNotFound();
    return wanted.map((id) => rows.find((r) => r.id === id) as ProposalPhoto);
  }

  photo(id: string): Promise<ProposalPhoto | null> {
    return this.manager.getRepository(ProposalPhoto).findOne({ where: { id } });
  }

  photoByTrace(traceId: string): Promise<ProposalPhoto | null> {
    return this.manager.getRepository(ProposalPhoto).findOne({ where: { checkTraceId: traceId } });
  }

  cosigns(proposalId: string): Promise<ProposalCosign[]> {
    return this.manager.getRepository(ProposalCosign).find({ where: { proposalId }, order: { cosignedAt: 'ASC' } });
  }

  cosignOf(proposalId: string, residentId: string): Promise<ProposalCosign | null> {
    return this.manager.getRepository(ProposalCosign).findOne({ where: { proposalId, residentId } });
  }

  /** Which of these proposals the resident co-signed. */
  async cosignedBy(proposalIds: string[], residentId: string): Promise<Set<string>> {
    if (proposalIds.length === 0) return new Set();
    const rows = await this.manager.getRepository(ProposalCosign).find({ select: { proposalId: true }, where: { proposalId: In(proposalIds), residentId } });
    return new Set(rows.map((r) => r.proposalId));
  }

  events(proposalId: string): Promise<ProposalEvent[]> {
    return this.manager.getRepository(ProposalEvent).find({ where: { proposalId }, order: { seq: 'ASC' } });
  }

  async nextEventSeq(proposalId: string): Promise<number> {
    const row = await this.manager.getRepository(ProposalEvent).createQueryBuilder('e').select('MAX(e.seq)', 'max').where('e.proposal_id = :proposalId', { proposalId }).getRawOne<{ max: number | string | null }>();
    return Number(row?.max ?? 0) + 1;
  }

  mergedFrom(villageId: string, proposalId: string): Promise<Proposal[]> {
    return this.manager.getRepository(Proposal).find({ where: { villageId, mergedIntoId: proposalId }, order: { raisedAt: 'ASC' } });
  }

  matter(villageId: string, id: string): Promise<Matter | null> {
    return this.manager.getRepository(Matter).findOne({ where: { villageId, id } });
  }

  obligation(villageId: string, id: string): Promise<ConveningPetition | null> {
    return this.manager.getRepository(ConveningPetition).findOne({ where: { villageId, id } });
  }

  async names(villageId: string, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
    if (wanted.length === 0) return new Map();
    const rows = await this.manager.getRepository(Resident).find({ select: { id: true, name: true }, where: { villageId, id: In(wanted) } });
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async resident(villageId: string, id: string): Promise<Resident> {
    const row = await this.manager.getRepository(Resident).findOne({ where: { villageId, id } });
    if (!row) throw new ProposalException(ProposalErrorCode.ProposalNotFound, '名册上找不到你，请联系村委会');
    return row;
  }

  /** Residents by id with their household and whether they serve as 村民代表 today. */
  residents(villageId: string, ids: string[]): Promise<Resident[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.manager.getRepository(Resident).find({ where: { villageId, id: In([...new Set(ids)]) } });
  }

  /** Adults (18+ on `today`) and 村民代表 on the roster today, departed ones left out — as convening petitions count them. */
  async rosterCounts(villageId: string, today: string): Promise<{ adults: number; representatives: number }> {
    const adultCutoff = `${Number(today.slice(0, 4)) - 18}${today.slice(4)}`;
    const residents = this.manager.getRepository(Resident);
    const [adults, representatives] = await Promise.all([
      residents.count({ where: { villageId, departedOn: IsNull(), birthDate: LessThanOrEqual(adultCutoff) } }),
      residents.count({ where: { villageId, departedOn: IsNull(), isVillagerRep: true } }),
    ]);
    return { adults, representatives };
  }

  async openidOf(accountId: string): Promise<string | null> {
    const account = await this.manager.getRepository(WechatAccount).findOneBy({ id: accountId });
    return account?.openid ?? null;
  }
}
