import { Injectable } from '@nestjs/common';
import { GENDER_LABELS } from '@village/shared';
import { auditActor, type VillageActor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { UnitOfWork } from '../audit/unit-of-work';
import type { Resident } from '../villages/entities';
import { isoDay } from './domain/roster-rules';
import { buildRosterWorkbook, type RosterSheetRow } from './import/roster-workbook';
import { RosterQuery } from './roster.query';
import { memberOrder, RosterViews } from './roster.views';

export interface RosterFileDownload {
  buffer: Buffer;
  fileName: string;
  /** For clients that cannot read the UTF-8 file name. */
  asciiFileName: string;
}

const yesNo = (value: boolean): string => (value ? '是' : '否');

/**
 * The roster as an .xlsx with the import's columns, so export → edit → import round-trips. Phone and
 * ID number are masked (the sheet says so); importing a masked number keeps the stored one.
 */
@Injectable()
export class RosterExportService {
  constructor(
    private readonly query: RosterQuery,
    private readonly views: RosterViews,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async export(actor: VillageActor): Promise<RosterFileDownload> {
    const today = isoDay(this.clock.now());
    const [village, refs, { households, residents }] = await Promise.all([
      this.query.village(actor.villageId),
      this.query.refs(actor.villageId),
      this.query.exportRows(actor.villageId),
    ]);
    const byHousehold = new Map<string, Resident[]>();
    for (const r of residents) byHousehold.set(r.householdId, [...(byHousehold.get(r.householdId) ?? []), r]);

    const rows: RosterSheetRow[] = [];
    for (const h of households) {
      for (const r of [...(byHousehold.get(h.id) ?? [])].sort(memberOrder)) {
        const { phoneMasked, idNumberMasked } = this.views.masked(r);
        rows.push({
          householdNumber: h.number,
          address: h.address,
          villageGroup: refs.groups.get(h.villageGroupId)?.name ?? '',
          grid: refs.grids.get(h.gridId)?.name ?? '',
          name: r.name,
          gender: GENDER_LABELS[r.gender],
          birthDate: r.birthDate,
          relationToHead: r.relationToHead,
          idNumber: idNumberMasked ?? '',
          phone: phoneMasked ?? '',
          isPartyMember: yesNo(r.isPartyMember),
          isVillagerRep: yesNo(r.isVillagerRep),
          isRepresentative: yesNo(h.representativeResidentId === r.id),
        });
      }
    }
    const buffer = await buildRosterWorkbook({
      title:
        `${village.name}村民花名册（${today} 导出，共 ${households.length} 户 ${rows.length} 人）。` +
        '身份证号、手机号已打码，以保护个人信息；改好后可以重新导入，打码的号码保持系统里原来的不变，要修改请填写完整号码。',
      rows,
      gridNames: [...refs.grids.values()].map((g) => g.name),
      villageGroupNames: [...refs.groups.values()].map((g) => g.name),
    });
    // Taking the village's personal data off the system is itself worth a line in the trail.
    await this.uow.run(auditActor(actor), ({ record }) =>
      record({
        action: 'roster.exported',
        entityType: 'village',
        entityId: actor.villageId,
        after: { households: households.length, residents: rows.length, masked: true },
      }),
    );
    return { buffer, fileName: `${village.name}花名册-${today}.xlsx`, asciiFileName: `roster-${village.code}-${today}.xlsx` };
  }

  async template(actor: VillageActor): Promise<RosterFileDownload> {
    const [village, refs] = await Promise.all([this.query.village(actor.villageId), this.query.refs(actor.villageId)]);
    const buffer = await buildRosterWorkbook({
      title:
        `${village.name}村民花名册导入模板：每人一行，同一户的成员填同一个户号；从第 3 行开始填写。` +
        '各列怎么填见“填写说明”工作表。身份证号一列请保持“文本”格式。',
      rows: [],
      gridNames: [...refs.grids.values()].map((g) => g.name),
      villageGroupNames: [...refs.groups.values()].map((g) => g.name),
    });
    return { buffer, fileName: `${village.name}花名册导入模板.xlsx`, asciiFileName: `roster-template-${village.code}.xlsx` };
  }
}
