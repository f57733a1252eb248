import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { dayLabel, type MatterDetail, type MatterRevisionView, type WorkflowEventType } from '@village/shared';
import { useState } from 'react';
import { pressProps, roleProps } from '../../../components/a11y';
import { LinkRow } from '../../../components/LinkRow';
import { PhotoGrid } from '../../../components/PhotoGrid';
import { Button } from '../../../components/nutui';
import { messages } from '../../../constants/messages';
import { routes, withQuery } from '../../../constants/routes';
import { formatMoment } from '../../../services/ballotTime';
import { beijingToday, money } from '../utils/format';
import { actionFor } from './ActionList';
import { DiffView } from './DiffView';
import { ObjectionReview } from './ObjectionReview';
import { gridPhotos } from '../utils/photos';

const m = messages.matters;

function Title({ children }: { children: string }) {
  return (
    <Text className="matter-card__title" {...roleProps('heading')} aria-level={2}>
      {children}
    </Text>
  );
}

function act(matterId: string, event: WorkflowEventType, target: string): void {
  void Taro.navigateTo({ url: withQuery(routes.matterAct, { id: matterId, event, target }) });
}

/** Every revision, newest first, each with why it was changed and (folded) what changed. */
export function Revisions({ revisions, nowMs }: { revisions: MatterRevisionView[]; nowMs?: number }) {
  const [open, setOpen] = useState<number | null>(null);
  const list = [...revisions].sort((a, b) => b.number - a.number);
  return (
    <View className="section matter-card" data-testid="matter-revisions">
      <Title>{m.revisionsTitle}</Title>
      {list.map((r) => {
        const toggle = () => setOpen(open === r.number ? null : r.number);
        return (
          <View key={r.number} className="matter-item" data-testid={`matter-revision-${r.number}`}>
            <Text className="matter-line matter-strong">{m.revisionHead(r.number, r.current)}</Text>
            <Text className="matter-muted">{m.revisionBy(r.createdBy.name, formatMoment(r.createdAt, nowMs))}</Text>
            <Text className="matter-line">{r.changeNote ? m.changeNote(r.changeNote) : m.firstRevision}</Text>
            {r.diff ? (
              <View>
                <View className="matter-toggle" {...roleProps('button')} aria-expanded={open === r.number} onClick={toggle} {...pressProps(toggle)} data-testid={`matter-revision-${r.number}-toggle`}>
                  <Text>{`${open === r.number ? '▲' : '▼'} ${open === r.number ? m.hideDiff : m.showDiff}`}</Text>
                </View>
                {open === r.number ? <DiffView diff={r.diff} testId={`matter-diff-${r.number}`} /> : null}
              </View>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}

/** 决议公示 / 实施结果公示: the notice (opens 公开's notice page), its window and state in words. */
export function Disclosures({ matter }: { matter: MatterDetail }) {
  if (matter.disclosures.length === 0) return null;
  return (
    <View className="section matter-card" data-testid="matter-disclosures">
      <Title>{m.disclosuresTitle}</Title>
      {matter.disclosures.map((d) => (
        <View key={`${d.kind}-${d.noticeId}`} className="matter-item">
          <Text className="matter-line matter-strong">{`${d.noticeTitle}（${m.disclosureStatus[d.status] ?? d.status}）`}</Text>
          <Text className="matter-muted">{m.objectionWindow(dayLabel(d.window.startsOn, beijingToday()), dayLabel(d.window.endsOn, beijingToday()))}</Text>
          <Text className="matter-muted">{m.disclosureObjections(d.objections, d.unansweredObjections)}</Text>
          <LinkRow title={m.openNotice} url={withQuery(routes.noticeDetail, { id: d.noticeId })} testId={`matter-notice-${d.noticeId}`} />
        </View>
      ))}
    </View>
  );
}

/** Villagers' objections with the committee's answers; for the committee 审核 on those held for review, 答复 on the others. */
export function Objections({ matter, nowMs, onChange }: { matter: MatterDetail; nowMs?: number; onChange?: (matter: MatterDetail) => void }) {
  if (matter.objections.length === 0 && matter.disclosures.length === 0) return null;
  const answer = actionFor(matter.actions, 'answer_objection');
  return (
    <View className="section matter-card" data-testid="matter-objections">
      <Title>{m.objectionsTitle}</Title>
      {matter.objections.length === 0 ? <Text className="matter-para">{m.noObjections}</Text> : null}
      {matter.objections.map((o) => (
        <View key={o.id} className="matter-item" data-testid={`matter-objection-${o.id}`}>
          <Text className="matter-line matter-strong">{`${m.objectionStatus[o.status] ?? o.status}${o.mine ? `　${m.mineTag}` : ''}`}</Text>
          <Text className="matter-muted">{m.objectionBy(o.filedBy.name, formatMoment(o.filedAt, nowMs))}</Text>
          <Text className="matter-para matter-pre">{o.text}</Text>
          {o.answer ? (
            <View className="matter-answer">
              <Text className="matter-line matter-strong">{m.answerLine(o.answer.by.name, formatMoment(o.answer.at, nowMs))}</Text>
              <Text className="matter-para matter-pre">{o.answer.text}</Text>
            </View>
          ) : null}
          {o.review?.decision === 'reject' && o.review.reason ? <Text className="matter-warn">{m.reviewedRejected(o.review.reason)}</Text> : null}
          {o.status === 'pending_review' && answer && onChange ? <ObjectionReview objection={o} onDone={onChange} /> : null}
          {!o.answer && (o.status === 'open' || o.status === 'held') && answer ? (
            <Button className="big-button matter-gap" type="primary" block onClick={() => act(matter.id, 'answer_objection', o.id)} data-testid={`matter-answer-objection-${o.id}`}>
              {m.answerThis}
            </Button>
          ) : null}
        </View>
      ))}
    </View>
  );
}

/** The supervisory committee's opinions: 要求纠正 marked in words, answers, lifting. */
export function Opinions({ matter, nowMs }: { matter: MatterDetail; nowMs?: number }) {
  const answer = actionFor(matter.actions, 'answer_opinion');
  const lift = actionFor(matter.actions, 'lift_opinion');
  if (matter.opinions.length === 0) return null;
  return (
    <View className="section matter-card" data-testid="matter-opinions">
      <Title>{m.opinionsTitle}</Title>
      {matter.opinions.map((o) => (
        <View key={o.id} className={`matter-item${o.blocking && o.status !== 'lifted' ? ' matter-item--warn' : ''}`} data-testid={`matter-opinion-${o.id}`}>
          <Text className={o.blocking ? 'matter-warn' : 'matter-line matter-strong'}>{o.blocking ? m.blockingTag : m.adviceTag}</Text>
          <Text className="matter-line matter-strong">{m.opinionStatus[o.status] ?? o.status}</Text>
          <Text className="matter-muted">{`${o.stageLabel} · ${o.by.name} ${formatMoment(o.at, nowMs)}`}</Text>
          <Text className="matter-para matter-pre">{o.text}</Text>
          {o.answer ? (
            <View className="matter-answer">
              <Text className="matter-line matter-strong">{m.answerLine(o.answer.by.name, formatMoment(o.answer.at, nowMs))}</Text>
              <Text className="matter-para matter-pre">{o.answer.text}</Text>
            </View>
          ) : null}
          {o.lifted ? <Text className="matter-muted">{m.liftedLine(o.lifted.by.name, formatMoment(o.lifted.at, nowMs), o.lifted.note)}</Text> : null}
          {o.status === 'open' && answer ? (
            <Button className="big-button matter-gap" type="primary" block onClick={() => act(matter.id, 'answer_opinion', o.id)} data-testid={`matter-answer-opinion-${o.id}`}>
              {m.answerThis}
            </Button>
          ) : null}
          {o.blocking && o.status === 'answered' && lift ? (
            <Button className="big-button matter-gap" type="primary" block onClick={() => act(matter.id, 'lift_opinion', o.id)} data-testid={`matter-lift-opinion-${o.id}`}>
              {m.liftThis}
            </Button>
          ) : null}
        </View>
      ))}
    </View>
  );
}

/** Who carries it out, the plan, money spent against the budget, progress reports, the result. */
export function Implementation({ matter }: { matter: MatterDetail }) {
  const impl = matter.implementation;
  if (!impl) return null;
  return (
    <View className="section matter-card" data-testid="matter-implementation">
      <Title>{m.implementationTitle}</Title>
      <Text className="matter-line">{m.responsible(impl.responsible.name)}</Text>
      <Text className="matter-line">{m.planned(dayLabel(impl.plannedStartOn, beijingToday()), dayLabel(impl.plannedEndOn, beijingToday()))}</Text>
      <Text className="matter-line matter-strong" data-testid="matter-spent">
        {m.spent(money(impl.spentFen), impl.budgetFen === null ? null : money(impl.budgetFen))}
      </Text>
      {impl.overdue ? <Text className="matter-warn">{m.overdue}</Text> : null}
      {impl.progress.length > 0 ? <Text className="matter-line matter-strong matter-gap-top">{m.progressTitle}</Text> : null}
      {impl.progress.map((p) => (
        <View key={p.id} className="matter-item" data-testid={`matter-progress-${p.id}`}>
          <Text className="matter-muted">{m.progressLine(dayLabel(p.reportedOn, beijingToday()), p.reportedBy.name, money(p.spentFen))}</Text>
          <Text className="matter-para matter-pre">{p.text}</Text>
          <PhotoGrid photos={gridPhotos(p.photos, m.progressPhotos)} testId={`matter-progress-${p.id}-photos`} />
        </View>
      ))}
      {impl.result ? (
        <View className="matter-item" data-testid="matter-result">
          <Text className="matter-line matter-strong">{m.resultTitle}</Text>
          <Text className="matter-line">{m.resultLine(dayLabel(impl.result.completedOn, beijingToday()), money(impl.result.totalSpentFen))}</Text>
          <Text className="matter-para matter-pre">{impl.result.summary}</Text>
          <PhotoGrid photos={gridPhotos(impl.result.photos, m.resultPhotos)} testId="matter-result-photos" />
          <Text className="matter-line">{impl.result.signedOff ? m.signedOff(impl.result.signedOff.by.name) : m.notSignedOff}</Text>
        </View>
      ) : null}
    </View>
  );
}

/** The history, newest first, in the audit's own one-line summaries. */
export function Timeline({ matter, nowMs }: { matter: MatterDetail; nowMs?: number }) {
  if (matter.timeline.length === 0) return null;
  const list = [...matter.timeline].sort((a, b) => b.auditSeq - a.auditSeq);
  return (
    <View className="section matter-card" data-testid="matter-timeline">
      <Title>{m.timelineTitle}</Title>
      {list.map((t) => (
        <View key={t.auditSeq} className="matter-item">
          <Text className="matter-muted">{`${formatMoment(t.at, nowMs)} · ${t.by.name}`}</Text>
          <Text className="matter-line">{t.summary}</Text>
        </View>
      ))}
    </View>
  );
}
