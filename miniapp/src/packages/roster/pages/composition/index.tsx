import { Text, View } from '@tarojs/components';
import {
  formatShare,
  reachesAtLeast,
  REPRESENTATIVE_SHARE,
  WOMEN_SHARE,
  type CompositionIssue,
  type VillagerAssemblyFigures,
} from '@village/shared';
import { roleProps } from '../../../../components/a11y';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import { useRequest } from '../../../../hooks/useRequest';
import { getComposition } from '../../../../services/api/roster';
import { dayText } from '../../utils/dates';
import '../../roster.css';
import './index.css';

const m = messages.roster;

/**
 * 村民代表构成 (sub-package "roster"): 村民代表会议 figures against OL art. 25 (warnings: shown, never
 * blocking) and the 村务监督委员会 against art. 32 (violations). Each problem says in words whether it
 * is a 提醒 or 不符合规定, what the rule is, and what to do — colour is only an extra.
 */
export default function CompositionPage() {
  const report = useRequest(getComposition);
  return (
    <PageShell testId="roster-composition-page">
      <Text className="roster-heading" {...roleProps('heading')} aria-level={1}>
        {m.compositionHeading}
      </Text>
      {report.status === 'loading' ? <LoadingState /> : null}
      {report.status === 'error' ? <ErrorState error={report.error} onRetry={() => report.reload()} /> : null}
      {report.status === 'success' ? (
        <View>
          <Text className="roster-muted">{m.checkedOn(dayText(report.data.checkedOn))}</Text>

          <View className="section roster-card" data-testid="composition-assembly">
            <Text className="roster-sub" {...roleProps('heading')} aria-level={2}>
              {m.assemblyTitle}
            </Text>
            <Text className="roster-para">{m.assemblyMembers(report.data.villagerAssembly.figures.members)}</Text>
            <AssemblyShares figures={report.data.villagerAssembly.figures} />
            <Text className="roster-para">
              {m.assemblyHouseholds(report.data.villagerAssembly.figures.households, report.data.villagerAssembly.figures.representatives)}
            </Text>
            <Issues issues={report.data.villagerAssembly.issues} note={m.warningNote} />
          </View>

          <View className="section roster-card" data-testid="composition-supervisory">
            <Text className="roster-sub" {...roleProps('heading')} aria-level={2}>
              {m.supervisoryTitle}
            </Text>
            <Text className="roster-para">{m.supervisoryCount(report.data.supervisoryCommittee.members.length)}</Text>
            {report.data.supervisoryCommittee.members.map((member) => (
              <View className="composition-member" key={member.assignmentId}>
                <Text className="composition-member__name">
                  {m.supervisoryMember(member.name, member.householdNumber)}
                  {member.title ? ` · ${member.title}` : ''}
                </Text>
                {member.hasAccountingKnowledge ? <Text className="tag">{m.accounting}</Text> : null}
              </View>
            ))}
            <Issues issues={report.data.supervisoryCommittee.issues} note={m.violationNote} />
          </View>
        </View>
      ) : null}
    </PageShell>
  );
}

/** The two legal shares with the same integer maths as the server, and whether each is met, in words. */
function AssemblyShares({ figures }: { figures: VillagerAssemblyFigures }) {
  const { members, representatives, womenRepresentatives } = figures;
  return (
    <View>
      <Text className="roster-para" data-testid="composition-reps">
        {m.assemblyReps(formatShare(representatives, members), reachesAtLeast(representatives, members, REPRESENTATIVE_SHARE))}
      </Text>
      <Text className="roster-para" data-testid="composition-women">
        {m.assemblyWomen(formatShare(womenRepresentatives, members), reachesAtLeast(womenRepresentatives, members, WOMEN_SHARE))}
      </Text>
    </View>
  );
}

function Issues({ issues, note }: { issues: CompositionIssue[]; note: string }) {
  if (issues.length === 0) {
    return (
      <View className="composition-issues">
        <Notice tone="success" title={m.noIssues} />
      </View>
    );
  }
  return (
    <View className="composition-issues" data-testid="composition-issues">
      {issues.map((issue, i) => (
        <View className="composition-issue" key={`${issue.rule}-${i}`}>
          <Notice tone={issue.severity === 'violation' ? 'error' : 'warning'} title={issue.severity === 'violation' ? m.violationLabel : m.warningLabel}>
            <Text>{issue.message}</Text>
            <Text className="composition-basis">{issue.basis}</Text>
          </Notice>
        </View>
      ))}
      <Text className="roster-muted">{note}</Text>
    </View>
  );
}
