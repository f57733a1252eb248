import type { MatterFile } from '@village/shared';
import type { GridPhoto } from '../../../components/PhotoGrid';
import { messages } from '../../../constants/messages';

/** A record's photos for PhotoGrid, each labelled with what it shows and its place ("进度照片第 1 张（共 2 张）…"). */
export function gridPhotos(files: readonly MatterFile[], what: string): GridPhoto[] {
  const images = files.filter((f) => f.contentType !== 'application/pdf');
  return images.map((f, i) => ({ id: f.id, url: f.url, label: messages.matters.photoLabel(what, i + 1, images.length) }));
}
