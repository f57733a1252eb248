import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BALLOT_OUTCOME_LABELS, BALLOT_PHASE_LABELS, BALLOT_SECRECY_LABELS, percent, type BallotListItem } from '@village/shared';
import { pressProps, roleProps } from '../../components/a11y';
import { messages } from '../../constants/messages';
import { routes, withQuery } from '../../constants/routes';
import { ballotTimeLine, currentPhase } from '../../services/ballotTime';

const m = messages.ballots;

export type BallotTagTone = 'phase' | 'voting' | 'done' | 'todo' | 'plain' | 'outcome';

export interface BallotTag {
  key: string;
  text: string;
  tone: BallotTagTone;
}

/** ✓ 已投票 / ✓ 已现场参加 / ○ 未投票 (words and a sign, never colour alone); null when not the caller's to vote. */
export function myStatusWord(item: Pick<BallotListItem, 'eligible' | 'myParticipation' | 'status' | 'electorate'>): { text: string; done: boolean } | null {
  const household = item.electorate === 'households';
  if (item.myParticipation) return { text: item.myParticipation.channel === 'online' ? m.myVoted(household) : m.myInPerson(household), done: true };
  if (item.eligible && item.status !== 'draft' && item.status !== 'cancelled') return { text: m.myNotVoted(household), done: false };
  return null;
}

/** The labels of a ballot as bordered words: phase, 记名/无记名, my status, the outcome once closed. */
export function ballotTags(item: BallotListItem, nowMs?: number): BallotTag[] {
  const phase = currentPhase(item, nowMs);
  const tags: BallotTag[] = [{ key: 'phase', text: BALLOT_PHASE_LABELS[phase], tone: phase === 'voting' ? 'voting' : 'phase' }];
  const mine = myStatusWord(item);
  if (mine) tags.push({ key: 'mine', text: mine.text, tone: mine.done ? 'done' : 'todo' });
  if (item.outcome) tags.push({ key: 'outcome', text: m.outcomeTag(BALLOT_OUTCOME_LABELS[item.outcome]), tone: 'outcome' });
  tags.push({ key: 'secrecy', text: BALLOT_SECRECY_LABELS[item.secrecy], tone: 'plain' });
  return tags;
}

/** "已参与 43/85 户（51%）", or null for drafts. */
export function participationLine(item: Pick<BallotListItem, 'participation'>): string | null {
  const p = item.participation;
  if (!p) return null;
  return m.participationSoFar(p.total, p.eligible, p.unitLabel, percent(p.total, p.eligible));
}

/** Where a tap on the row goes: a closed ballot opens its result, every other its ballot page. */
export function ballotUrl(item: Pick<BallotListItem, 'id' | 'status'>): string {
  return withQuery(item.status === 'closed' ? routes.ballotResult : routes.ballotDetail, { id: item.id });
}

/**
 * One ballot in the 议事 list: its labels in words, the title large, the time left (or when it
 * starts or ended), the turnout so far and the rule; the whole row opens it.
 */
export function BallotRow({ item, nowMs, testId }: { item: BallotListItem; nowMs?: number; testId?: string }) {
  const open = () => void Taro.navigateTo({ url: ballotUrl(item) });
  const todo = item.eligible && !item.myParticipation && currentPhase(item, nowMs) === 'voting';
  const turnout = participationLine(item);
  const time = ballotTimeLine(item, nowMs);
  return (
    <View
      className={`ballot-row${todo ? ' ballot-row--todo' : ''}`}
      {...roleProps('link')}
      onClick={open}
      {...pressProps(open)}
      data-testid={testId ?? `ballot-row-${item.id}`}
    >
      <View className="ballot-row__main">
        <View className="ballot-tags">
          {ballotTags(item, nowMs).map((tag) => (
            <Text key={tag.key} className={`ballot-tag ballot-tag--${tag.tone}`} data-testid={`ballot-tag-${tag.key}`}>
              {tag.text}
            </Text>
          ))}
        </View>
        <Text className="ballot-row__title">{item.title}</Text>
        {time ? <Text className="ballot-row__line ballot-row__time">{time}</Text> : null}
        {turnout ? <Text className="ballot-row__line">{turnout}</Text> : null}
        <Text className="ballot-row__line ballot-row__rule">{item.ruleLabel}</Text>
      </View>
      <Text className="ballot-row__arrow" aria-hidden>
        ›
      </Text>
    </View>
  );
}
