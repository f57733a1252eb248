export { PointsBoard, PointsBoardEntry } from './board.entity';
export { PointsAccount, PointsLedgerEntry } from './ledger.entity';
export { PointsPhoto } from './photo.entity';
export { PointsAppeal, PointsPublication, PointsRecord } from './record.entity';
export { PointsRuleBook, PointsRuleItem } from './rule-book.entity';
export { PointsSettingsRow } from './settings.entity';
export { PointsProduct, PointsRedemption } from './shop.entity';

import { PointsBoard, PointsBoardEntry } from './board.entity';
import { PointsAccount, PointsLedgerEntry } from './ledger.entity';
import { PointsPhoto } from './photo.entity';
import { PointsAppeal, PointsPublication, PointsRecord } from './record.entity';
import { PointsRuleBook, PointsRuleItem } from './rule-book.entity';
import { PointsSettingsRow } from './settings.entity';
import { PointsProduct, PointsRedemption } from './shop.entity';

export const POINTS_ENTITIES = [
  PointsRuleBook,
  PointsRuleItem,
  PointsSettingsRow,
  PointsPhoto,
  PointsRecord,
  PointsPublication,
  PointsAppeal,
  PointsAccount,
  PointsLedgerEntry,
  PointsBoard,
  PointsBoardEntry,
  PointsProduct,
  PointsRedemption,
];
