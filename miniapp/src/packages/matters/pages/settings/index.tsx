import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import type { AssemblyAuthorizationView, ConveningObligationView, MatterPolicyView, MatterTypeView, ProposalSettings } from '@village/shared';
import { useRef } from 'react';
import { roleProps } from '../../../../components/a11y';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import { routes } from '../../../../constants/routes';
import { useMe } from '../../../../hooks/useMe';
import { useRequest, type RequestState } from '../../../../hooks/useRequest';
import { listMatterTypes } from '../../../../services/api/matters';
import { getProposalSettings } from '../../../../services/api/proposals';
import { canEditMatterSettings, canReadMatterSettings, getMatterPolicy, listAuthorizations, listObligations } from '../../../../services/api/matterSettings';
import { ReadOnlyNote, SettingsRow } from '../../settings/parts';
import { authorizationsSummary, obligationsSummary, policySummary, typesSummary } from '../../utils/settings';
import '../../matters.css';
import '../../settings.css';

const s = messages.matterSettings;

function line<T>(state: RequestState<T>, summary: (data: T) => string): string {
  if (state.status === 'loading') return s.summaryLoading;
  if (state.status === 'error') return s.summaryFailed;
  return summary(state.data);
}

/**
 * 议事设置: five rows, each with what is set now in one line — 事项类型, 议事流程, 村民会议授权,
 * 召集义务 (⚠ in red and in words when a meeting is overdue), 村民提议 (reply days, categories). 书记 and 村委会委员 change them on the
 * pages behind; 村党组织委员 and 监委会成员 read them.
 */
export default function MatterSettingsPage() {
  const { state: meState, roles } = useMe();
  const allowed = canReadMatterSettings(roles);
  const editor = canEditMatterSettings(roles);
  const types = useRequest<MatterTypeView[]>(() => listMatterTypes(), []);
  const policy = useRequest<MatterPolicyView>(() => getMatterPolicy(), []);
  const auths = useRequest<AssemblyAuthorizationView[]>(() => listAuthorizations(), []);
  const proposalSettings = useRequest<ProposalSettings>(() => getProposalSettings(), []);
  const obligations = useRequest<ConveningObligationView[] | null>(
    async () => (allowed ? listObligations(undefined, { quiet: true }) : { ok: true as const, data: null, status: 200 }),
    [allowed],
  );
  const shown = useRef(false);

  // Coming back from a settings page: the summaries follow what was just saved.
  useDidShow(() => {
    if (shown.current) {
      types.reload({ quiet: true });
      policy.reload({ quiet: true });
      auths.reload({ quiet: true });
      proposalSettings.reload({ quiet: true });
      obligations.reload({ quiet: true });
    }
    shown.current = true;
  });

  const duty = obligations.status === 'success' && obligations.data ? obligationsSummary(obligations.data) : null;

  return (
    <PageShell testId="matter-settings-page">
      <Text className="matter-heading" {...roleProps('heading')} aria-level={1}>
        {s.title}
      </Text>
      <Text className="ms-intro">{s.hubIntro}</Text>
      {meState.status === 'loading' ? <LoadingState /> : null}
      {meState.status === 'error' ? <ErrorState error={meState.error} /> : null}
      {meState.status === 'ready' && !allowed ? (
        <View className="section">
          <Notice tone="info" title={s.notAllowed} testId="settings-not-allowed" />
        </View>
      ) : null}
      {allowed && !editor ? <ReadOnlyNote /> : null}
      {types.status === 'error' && policy.status === 'error' ? <ErrorState error={types.error} onRetry={() => types.reload()} /> : null}
      {meState.status === 'ready' && allowed ? (
        <View className="section" data-testid="settings-rows">
          <SettingsRow title={s.typesRow} summary={line(types, typesSummary)} url={routes.matterTypes} testId="settings-types" />
          <SettingsRow title={s.policyRow} summary={line(policy, policySummary)} url={routes.matterPolicy} testId="settings-policy" />
          <SettingsRow title={s.authorizationsRow} summary={line(auths, authorizationsSummary)} url={routes.matterAuthorizations} testId="settings-authorizations" />
          <SettingsRow
            title={s.obligationsRow}
            summary={duty ? duty.text : obligations.status === 'error' ? s.summaryFailed : s.summaryLoading}
            warn={duty?.warn}
            url={routes.matterObligations}
            testId="settings-obligations"
          />
          <SettingsRow
            title={s.proposalsRow}
            summary={line(proposalSettings, (p) => s.proposalsSummary(p.replyDays, p.categories.filter((c) => c.enabled).length))}
            url={routes.matterProposalSettings}
            testId="settings-proposals"
          />
        </View>
      ) : null}
    </PageShell>
  );
}
