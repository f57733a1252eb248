import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { RosterImportError, RosterImportMode, RosterImportReport } from '@village/shared';
import { auditActor, type VillageActor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { UnitOfWork, type Work } from '../audit/unit-of-work';
import { Household, Resident } from '../villages/entities';
import { planImport, type ImportContext, type ImportPlan, type PlannedHousehold } from './import/import-plan';
import { readRosterFile, type RosterFile } from './import/read-roster-file';
import { UnreadableFileError } from './import/spreadsheet-reader';
import { ResidentSecrets } from './resident-secrets';
import { RosterErrorCode, RosterException } from './roster.exception';
import { RosterQuery } from './roster.query';
import { RosterStore } from './roster.store';
import { RosterViews, type HouseholdRefs } from './roster.views';

function byRow(a: RosterImportError, b: RosterImportError): number {
  return (a.row ?? 0) - (b.row ?? 0);
}

/**
 * Roster import from a clerk's .xlsx or .csv. Both modes read and match the file inside one unit of
 * work (so the preview sees the village exactly as a commit would); a dry run writes nothing, a commit
 * writes everything or — if any row has an error — nothing.
 *
 * Audit: one event per household or resident created or changed (the same actions as the manual
 * screens: household.created/updated, household.representative.changed, resident.created/updated),
 * then one `roster.imported` summary naming the file by its SHA-256.
 */
@Injectable()
export class RosterImportService {
  private readonly logger = new Logger(RosterImportService.name);

  constructor(
    private readonly query: RosterQuery,
    private readonly views: RosterViews,
    private readonly secrets: ResidentSecrets,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async run(actor: VillageActor, file: Buffer | undefined, mode: RosterImportMode): Promise<RosterImportReport> {
    if (!file) {
      throw new RosterException(RosterErrorCode.ImportFileMissing, '请选择要导入的花名册文件（.xlsx 或 .csv），表单字段名为 file');
    }
    const today = this.clock.now();
    let parsed: RosterFile;
    try {
      parsed = await readRosterFile(file, today);
    } catch (error) {
      if (error instanceof UnreadableFileError) throw new RosterException(RosterErrorCode.ImportFileUnreadable, error.message);
      throw error;
    }

    return this.uow.run(auditActor(actor), async (work) => {
      const store = new RosterStore(work.manager);
      const plan = planImport(parsed.rows, parsed.failed, await this.context(store, actor.villageId, today));
      const errors = [...parsed.errors, ...plan.errors].sort(byRow);
      const report: RosterImportReport = {
        mode,
        committed: false,
        fileKind: parsed.kind,
        sheetName: parsed.sheetName,
        dataRows: parsed.dataRows,
        households: plan.counts.households,
        residents: plan.counts.residents,
        representativeChanges: plan.representativeChanges,
        rows: plan.rows,
        errors,
        ignoredColumns: parsed.ignoredColumns,
      };
      if (mode === 'dry-run') return report;
      if (errors.length > 0) {
        throw new RosterException(
          RosterErrorCode.ImportHasErrors,
          `花名册里有 ${errors.length} 处错误，没有导入任何内容。请改正后重新上传。第一处：${errors[0].message}`,
          report,
        );
      }
      await this.apply(work, store, actor.villageId, plan);
      await work.record({
        action: 'roster.imported',
        entityType: 'village',
        entityId: actor.villageId,
        after: {
          fileSha256: createHash('sha256').update(file).digest('hex'),
          fileKind: parsed.kind,
          dataRows: parsed.dataRows,
          households: { ...plan.counts.households },
          residents: { ...plan.counts.residents },
          representativeChanges: plan.representativeChanges,
        },
      });
      this.logger.log({ villageId: actor.villageId, rows: parsed.dataRows, correlationId: actor.correlationId }, 'roster imported');
      return { ...report, committed: true };
    });
  }

  /** The village as the plan needs it, phone and ID numbers decrypted in memory only. */
  private async context(store: RosterStore, villageId: string, today: Date): Promise<ImportContext> {
    const grids = await store.grids(villageId);
    const villageGroups = await store.villageGroups(villageId);
    const households = await store.households(villageId);
    const residents = await store.residents(villageId);
    return {
      grids,
      villageGroups,
      households,
      residents: residents.map((r) => ({
        id: r.id,
        householdId: r.householdId,
        name: r.name,
        gender: r.gender,
        birthDate: r.birthDate,
        relationToHead: r.relationToHead,
        isPartyMember: r.isPartyMember,
        isVillagerRep: r.isVillagerRep,
        status: r.status,
        phone: this.secrets.phone(r),
        idNumber: this.secrets.idNumber(r),
      })),
      today,
    };
  }

  private async apply(work: Work, store: RosterStore, villageId: string, plan: ImportPlan): Promise<void> {
    const refs = await this.query.refs(villageId, store);
    const households = new Map((await store.households(villageId)).map((h) => [h.id, h]));
    const residents = new Map((await store.residents(villageId)).map((r) => [r.id, r]));
    for (const planned of plan.households) {
      await this.applyHousehold(work, store, villageId, planned, refs, households, residents);
    }
  }

  private async applyHousehold(
    { record }: Work,
    store: RosterStore,
    villageId: string,
    planned: PlannedHousehold,
    refs: HouseholdRefs,
    households: Map<string, Household>,
    residents: Map<string, Resident>,
  ): Promise<void> {
    let household: Household;
    if (planned.existing) {
      household = households.get(planned.existing.id) as Household;
    } else {
      household = {
        id: store.newId(),
        villageId,
        number: planned.number,
        address: planned.address,
        gridId: planned.gridId,
        villageGroupId: planned.villageGroupId,
        representativeResidentId: null,
        status: 'active',
      } as Household;
      await store.insert(Household, { ...household });
    }

    const residentIdByRow = new Map<number, string>();
    for (const person of planned.residents) {
      const values = {
        ...person.fields,
        ...(person.phone !== undefined ? { phoneEnc: this.secrets.encrypt(person.phone) } : {}),
        ...(person.idNumber !== undefined ? { idNumberEnc: this.secrets.encrypt(person.idNumber) } : {}),
      };
      if (!person.existing) {
        const created = {
          id: store.newId(),
          villageId,
          householdId: household.id,
          status: 'active',
          departedOn: null,
          phoneEnc: null,
          idNumberEnc: null,
          ...values,
        } as Resident;
        await store.insert(Resident, { ...created });
        await record({ action: 'resident.created', entityType: 'resident', entityId: created.id, after: this.views.residentSnapshot(created) });
        residentIdByRow.set(person.row, created.id);
        residents.set(created.id, created);
        continue;
      }
      residentIdByRow.set(person.row, person.existing.id);
      if (person.action !== 'update') continue;
      const before = residents.get(person.existing.id) as Resident;
      await store.update(Resident, { id: before.id, villageId }, values);
      const after = { ...before, ...values } as Resident;
      residents.set(after.id, after);
      await record({
        action: 'resident.updated',
        entityType: 'resident',
        entityId: before.id,
        before: this.views.residentSnapshot(before),
        after: this.views.residentSnapshot(after),
      });
    }

    const nameOf = (id: string | null): string | null => (id ? (residents.get(id)?.name ?? null) : null);
    const representativeId = planned.representativeRow === null ? null : (residentIdByRow.get(planned.representativeRow) ?? null);
    if (!planned.existing) {
      await store.update(Household, { id: household.id, villageId }, { representativeResidentId: representativeId });
      const created = { ...household, representativeResidentId: representativeId };
      await record({
        action: 'household.created',
        entityType: 'household',
        entityId: household.id,
        after: this.views.householdSnapshot(created, refs, nameOf(representativeId)),
      });
      return;
    }

    const changes: Partial<Household> = {};
    if (planned.address !== household.address) changes.address = planned.address;
    if (planned.gridId !== household.gridId) changes.gridId = planned.gridId;
    if (planned.villageGroupId !== household.villageGroupId) changes.villageGroupId = planned.villageGroupId;
    if (Object.keys(changes).length > 0) {
      await store.update(Household, { id: household.id, villageId }, changes);
      const after = { ...household, ...changes };
      await record({
        action: 'household.updated',
        entityType: 'household',
        entityId: household.id,
        before: this.views.householdSnapshot(household, refs, nameOf(household.representativeResidentId)),
        after: this.views.householdSnapshot(after, refs, nameOf(after.representativeResidentId)),
      });
    }
    if (representativeId && representativeId !== household.representativeResidentId) {
      await store.update(Household, { id: household.id, villageId }, { representativeResidentId: representativeId });
      await record({
        action: 'household.representative.changed',
        entityType: 'household',
        entityId: household.id,
        before: {
          householdNumber: household.number,
          representativeResidentId: household.representativeResidentId,
          representativeName: nameOf(household.representativeResidentId),
        },
        after: { householdNumber: household.number, representativeResidentId: representativeId, representativeName: nameOf(representativeId) },
      });
    }
  }
}
