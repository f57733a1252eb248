import type { Provider, Type } from '@nestjs/common';
import { PointsFileLinks } from './points-file-links';
import { PointsFilesController } from './points-files.controller';
import { PointsPhotos } from './points-photos';

export { PointsFileLinks } from './points-file-links';
export { POINTS_PHOTO_CHECK, PointsPhotos, type AttachOptions } from './points-photos';

/** This folder's controllers and providers, spread into PointsModule. */
export const FILES_CONTROLLERS: Type<unknown>[] = [PointsFilesController];
export const FILES_PROVIDERS: Provider[] = [PointsPhotos, PointsFileLinks];
