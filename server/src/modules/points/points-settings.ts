import { POINTS_SETTINGS_DEFAULT, type PointsSettings } from '@village/shared';
import type { EntityManager } from 'typeorm';
import { PointsSettingsRow } from './entities';

/** The village's points settings, the defaults until the 两委 first save them (version 0). */
export async function pointsSettings(manager: EntityManager, villageId: string): Promise<PointsSettings> {
  const row = await manager.getRepository(PointsSettingsRow).findOneBy({ villageId });
  if (!row) return { ...POINTS_SETTINGS_DEFAULT, starThresholdsTenths: [...POINTS_SETTINGS_DEFAULT.starThresholdsTenths], version: 0 };
  return {
    starThresholdsTenths: JSON.parse(row.starThresholdsJson) as number[],
    redSharePercent: row.redSharePercent,
    blackSharePercent: row.blackSharePercent,
    blackBelowTenths: row.blackBelowTenths,
    blackOnNegativeItem: row.blackOnNegativeItem,
    publicationWindowDays: row.publicationWindowDays,
    redeemers: row.redeemers,
    version: row.version,
  };
}
