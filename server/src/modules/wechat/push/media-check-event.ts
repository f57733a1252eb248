import type { MediaCheckVerdict } from '../media-check.service';

/*
 * The event WeChat pushes when a mediaCheckAsync v2 check is done (明文模式, JSON), as documented and
 * as developers report receiving it:
 *   { ToUserName, FromUserName, CreateTime, MsgType: "event", Event: "wxa_media_check", appid,
 *     trace_id, version: 2, result: { suggest: "pass"|"review"|"risky", label: "100" },
 *     detail: [{ strategy, errcode, suggest, label, prob }] }
 * `label` arrives as a string in reported pushes and as a number in the documentation: both are read.
 * The v1 event (isrisky, status_code) is not used here: checks are always asked for with version 2.
 */

export const MEDIA_CHECK_EVENT = 'wxa_media_check';

export type ParsedPush =
  | { kind: 'media_check'; appId: string | null; verdict: MediaCheckVerdict }
  /** Another event or message: acknowledged and ignored. */
  | { kind: 'other'; event: string | null }
  | { kind: 'malformed'; reason: string };

export function parseWechatPush(body: unknown): ParsedPush {
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body) as unknown;
    } catch {
      return { kind: 'malformed', reason: 'body is not JSON' };
    }
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { kind: 'malformed', reason: 'body is not a JSON object' };
  const b = body as Record<string, unknown>;
  const event = typeof b.Event === 'string' ? b.Event : null;
  if (event !== MEDIA_CHECK_EVENT) return { kind: 'other', event };
  const traceId = b.trace_id;
  if (typeof traceId !== 'string' || !/^[\w-]{1,64}$/.test(traceId)) return { kind: 'malformed', reason: 'no trace_id' };
  const result = b.result as { suggest?: unknown; label?: unknown } | undefined;
  const suggest = result?.suggest;
  if (suggest !== 'pass' && suggest !== 'review' && suggest !== 'risky') return { kind: 'malformed', reason: 'no result.suggest (is the check version 2?)' };
  const label = Number(result?.label);
  return {
    kind: 'media_check',
    appId: typeof b.appid === 'string' ? b.appid : null,
    verdict: { traceId, status: suggest, label: result?.label === undefined || !Number.isInteger(label) ? null : label },
  };
}
