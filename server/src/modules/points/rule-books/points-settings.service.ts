import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { pointsSettingsProblems, type PointsSettings } from '@village/shared';
import { DataSource } from 'typeorm';
import { auditActor, type VillageActor } from '../../../common/auth/actor';
import { Clock } from '../../../common/clock';
import { UnitOfWork } from '../../audit/unit-of-work';
import { PointsSettingsRow } from '../entities';
import { PointsException } from '../points.exception';
import { pointsSettings } from '../points-settings';

/** The village's points settings: every villager reads them (stars, 红黑榜 and 公示 rules are public); the 两委 change them. */
@Injectable()
export class PointsSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  get(actor: VillageActor): Promise<PointsSettings> {
    return this.uow.exclusive(() => pointsSettings(this.dataSource.manager, actor.villageId));
  }

  async put(actor: VillageActor, input: PointsSettings): Promise<PointsSettings> {
    const { version, ...wanted } = input;
    const problems = pointsSettingsProblems(wanted);
    if (problems.length > 0) throw PointsException.invalid(`积分设置有 ${problems.length} 处要改：${problems.join('；')}`, { problems });
    await this.uow.run(auditActor(actor), async (work) => {
      const before = await pointsSettings(work.manager, actor.villageId);
      if (before.version !== version) throw PointsException.versionConflict('积分设置');
      const columns = {
        starThresholdsJson: JSON.stringify(wanted.starThresholdsTenths),
        redSharePercent: wanted.redSharePercent,
        blackSharePercent: wanted.blackSharePercent,
        blackBelowTenths: wanted.blackBelowTenths,
        blackOnNegativeItem: wanted.blackOnNegativeItem,
        publicationWindowDays: wanted.publicationWindowDays,
        redeemers: wanted.redeemers,
        updatedByResidentId: actor.residentId,
        updatedAt: this.clock.now(),
      };
      if (version === 0) await work.manager.insert(PointsSettingsRow, { villageId: actor.villageId, ...columns, version: 1 });
      else {
        const result = await work.manager.update(PointsSettingsRow, { villageId: actor.villageId, version }, { ...columns, version: version + 1 });
        if (!result.affected) throw PointsException.versionConflict('积分设置');
      }
      const { version: _v, ...was } = before;
      await work.record({ action: 'points.settings.changed', entityType: 'points_settings', entityId: actor.villageId, before: { ...was, version }, after: { ...wanted, version: version + 1 } });
    });
    return this.get(actor);
  }
}
