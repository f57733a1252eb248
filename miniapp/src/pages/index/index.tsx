import { View } from '@tarojs/components';
import { CareModeSwitch } from '../../components/CareModeSwitch';
import { ErrorState } from '../../components/ErrorState';
import { LinkRow } from '../../components/LinkRow';
import { LoadingState } from '../../components/LoadingState';
import { PageShell } from '../../components/PageShell';
import { messages } from '../../constants/messages';
import { routes } from '../../constants/routes';
import { useMe } from '../../hooks/useMe';
import { useRequest } from '../../hooks/useRequest';
import { getCurrentVillage } from '../../services/api/villages';
import { CouncilChannelBanner } from './CouncilChannelBanner';
import { TodoSection } from './TodoSection';
import { PointsSummary } from './PointsSummary';
import { AuditShortcut } from './AuditShortcut';
import { VillageHeader, VillageOverview } from './VillageOverview';
import './index.css';

/**
 * 首页. Order follows UX.md "each person's first screen": which village this is, the 长辈版
 * switch (so a person who cannot read small text finds it at once), 待我办, the household's points
 * and each points role's entry, then the village at a glance and the way to 显示设置.
 */
export default function HomePage() {
  const village = useRequest(getCurrentVillage);
  const { me } = useMe();

  return (
    <PageShell testId="home-page">
      {village.status === 'loading' ? <LoadingState /> : null}
      {village.status === 'error' ? <ErrorState error={village.error} onRetry={village.reload} /> : null}
      {village.status === 'success' ? <VillageHeader village={village.data} /> : null}

      <CouncilChannelBanner />

      <View className="section">
        <CareModeSwitch />
      </View>

      <TodoSection />

      {me?.resident ? <PointsSummary roles={me.roles} hasHousehold={Boolean(me.household)} /> : null}

      <AuditShortcut />

      {village.status === 'success' ? <VillageOverview village={village.data} /> : null}

      <View className="section">
        <LinkRow
          title={messages.home.displaySettings}
          hint={messages.home.displaySettingsHint}
          url={routes.displaySettings}
          testId="home-display-settings"
        />
      </View>
    </PageShell>
  );
}
