/**
 * What the 核验记录 result card says. Colour is never the only signal: the words say 通过 or
 * 不通过, which record, and what to do next.
 */
import { messages } from '../../../constants/messages';
import type { AuditVerification } from '../../../services/api/audit';
import { formatWhen } from './format';

const m = messages.audit;

export interface Verdict {
  tone: 'pass' | 'fail';
  title: string;
  /** The main sentence: "通过：全部 N 条记录完整，没有被改动" or "第 N 条记录被篡改". */
  headline: string;
  /** Smaller lines under it. */
  details: string[];
}

const CHECKPOINT_KINDS = ['bad_signature', 'checkpoint_mismatch'];

export function verdictOf(v: AuditVerification, now: Date = new Date()): Verdict {
  const seconds = Math.max(0, v.durationMs) / 1000;
  const meta = m.verifyMeta(formatWhen(v.verifiedAt, now), seconds);
  if (v.ok && !v.problem) {
    return {
      tone: 'pass',
      title: m.verifyPassTitle,
      headline: v.eventsChecked > 0 ? m.verifyPass(v.eventsChecked) : m.verifyEmpty,
      details: [m.verifyCheckpoints(v.checkpointsChecked), meta],
    };
  }
  const p = v.problem;
  const details: string[] = [];
  let headline: string;
  if (p && CHECKPOINT_KINDS.includes(p.kind)) {
    headline = m.verifyFailCheckpoint(p.checkpointTreeSize ?? p.seq, p.message);
    details.push(m.verifyKind(m.problemKinds[p.kind]));
  } else {
    // The server's sentence names the record and what happened; the headline says it plainly first.
    headline = m.verifyFail(p?.seq ?? v.lastSeq);
    details.push(m.verifyDetail(p?.message ?? m.problemKinds.malformed));
  }
  details.push(m.verifyFailNext, meta);
  return { tone: 'fail', title: m.verifyFailTitle, headline, details };
}
