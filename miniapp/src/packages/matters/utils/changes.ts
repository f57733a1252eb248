import Taro from '@tarojs/taro';
import { routes, withQuery } from '../../../constants/routes';

/**
 * A write on a form page (act, edit, meeting) tells the matter page, which then reloads when it is
 * shown again and says once what was done ("已办好") — the form page itself goes back.
 */
let pending: { matterId: string; message: string } | null = null;

export function noteMatterChanged(matterId: string, message: string): void {
  pending = { matterId, message };
}

/** The message for this matter, once; null when nothing changed. */
export function takeMatterChange(matterId: string): string | null {
  if (!pending || pending.matterId !== matterId) return null;
  const { message } = pending;
  pending = null;
  return message;
}

/** Back to the matter: the page below, or — when the form was opened straight from a link — the matter page in its place. */
export function backToMatter(matterId: string): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.redirectTo({ url: withQuery(routes.matterDetail, { id: matterId }) });
}
