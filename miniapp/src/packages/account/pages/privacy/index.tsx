import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { ApiErrorBody } from '@village/shared';
import { useState } from 'react';
import { ErrorState } from '../../../../components/ErrorState';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import { routes } from '../../../../constants/routes';
import { useMe } from '../../../../hooks/useMe';
import { agreePrivacy } from '../../../../services/api/me';
import { hasPendingPrivacyGate, resolvePrivacyGate } from '../../../../services/privacy';
import { PrivacyNotice } from '../../components/PrivacyNotice';
import './index.css';

const m = messages.privacy;

/**
 * 隐私说明 (sub-package "account"), reached from 我的 or opened by WeChat's privacy check:
 *  - `?gate=1` on weapp: a privacy-protected call is waiting; 同意 is WeChat's agree button;
 *  - signed in and the notice has changed: 同意 records consent (POST /api/me/privacy-consent);
 *  - otherwise the notice to read, with the version already agreed to.
 */
export default function PrivacyPage() {
  const router = useRouter();
  const gate = router?.params?.gate === '1' && hasPendingPrivacyGate();
  const { me, setMe, signOut } = useMe();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [declined, setDeclined] = useState(false);
  const account = me?.account ?? null;
  const needsConsent = Boolean(account?.privacyConsentRequired);

  async function agree(): Promise<void> {
    if (gate) {
      resolvePrivacyGate(true);
      void Taro.navigateBack();
      return;
    }
    if (!account) return;
    setBusy(true);
    setError(null);
    const result = await agreePrivacy(account.currentPrivacyNoticeVersion);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setMe(result.data);
    void Taro.switchTab({ url: routes.mine });
  }

  function disagree(): void {
    if (gate) {
      resolvePrivacyGate(false);
      void Taro.navigateBack();
      return;
    }
    setDeclined(true);
  }

  async function backHome(): Promise<void> {
    await signOut();
    void Taro.switchTab({ url: routes.home });
  }

  const asking = gate || needsConsent;

  return (
    <PageShell testId="privacy-page">
      {account && !needsConsent ? (
        <View className="privacy-page__status">
          <Notice tone="success" title={m.agreed(account.privacyConsentVersion ?? account.currentPrivacyNoticeVersion)} />
        </View>
      ) : null}
      {needsConsent && !declined ? (
        <View className="privacy-page__status">
          <Notice tone="info" title={m.outdated} />
        </View>
      ) : null}
      {error ? (
        <View className="privacy-page__status">
          <ErrorState error={error} title={messages.login.failedTitle} />
        </View>
      ) : null}
      {declined ? (
        <View data-testid="privacy-declined">
          <Notice tone="warning" title={messages.login.declinedTitle}>
            {messages.login.declinedBody.map((line) => (
              <Text key={line}>{line}</Text>
            ))}
          </Notice>
          <View className="section">
            <Button className="big-button" type="primary" block onClick={() => setDeclined(false)}>
              {messages.login.readAgain}
            </Button>
          </View>
          <View className="section">
            <Button className="big-button" type="default" fill="outline" block onClick={() => void backHome()}>
              {messages.login.backHome}
            </Button>
          </View>
        </View>
      ) : (
        <PrivacyNotice
          version={account?.currentPrivacyNoticeVersion ?? null}
          onAgree={asking ? () => void agree() : undefined}
          onDisagree={asking ? disagree : undefined}
          wechatAgree={gate}
          busy={busy}
        />
      )}
    </PageShell>
  );
}
