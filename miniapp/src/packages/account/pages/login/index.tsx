import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { ApiErrorBody, DemoPersona, LoginResult } from '@village/shared';
import { useState } from 'react';
import { pressProps, roleProps } from '../../../../components/a11y';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import { routes } from '../../../../constants/routes';
import { useMe } from '../../../../hooks/useMe';
import { useRequest } from '../../../../hooks/useRequest';
import { demoLogin, getDemoPersonas, wechatLogin } from '../../../../services/api/auth';
import { agreePrivacy } from '../../../../services/api/me';
import type { Result } from '../../../../services/http';
import { needsWechatPrivacyAuthorization } from '../../../../services/privacy';
import { PrivacyNotice } from '../../components/PrivacyNotice';
import { codeFromScan } from '../../utils/bindingCode';
import { nextPageAfterLogin } from '../../utils/flow';
import './index.css';

const m = messages.login;

type Step =
  | { kind: 'start' }
  | { kind: 'signingIn' }
  /** `wechat`: WeChat itself still needs agreement (weapp), so 同意 is WeChat's own button. */
  | { kind: 'privacy'; wechat: boolean; version: string | null }
  | { kind: 'saving'; version: string }
  | { kind: 'declined'; from: { wechat: boolean; version: string | null } };

/** Read at render (not at import) so unit tests can try the WeChat path; the build replaces it with a constant. */
const isWeapp = () => process.env.TARO_ENV === 'weapp';

function scrollToTop(): void {
  try {
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  } catch {
    // Older base libraries: the page stays where it is.
  }
}

function go(target: { url: string; tab: boolean }): void {
  if (target.tab) void Taro.switchTab({ url: target.url });
  else void Taro.redirectTo({ url: target.url });
}

/**
 * 登录 (sub-package "account").
 *  - weapp: 用微信登录 → WeChat's privacy agreement when it still needs it → Taro.login → wechat-login.
 *  - H5: the local demo's persona picker, only when the server offers demo personas.
 * After login: the privacy notice when the server says consent is required (recorded with
 * /api/me/privacy-consent) → the bind page when no resident is bound → 首页.
 */
export default function LoginPage() {
  const router = useRouter();
  const expired = router?.params?.reason === 'expired';
  const bindCode = codeFromScan(router?.params?.bindCode ?? null);
  const { signIn, setMe, signOut, signedIn } = useMe();
  const [step, setStepState] = useState<Step>({ kind: 'start' });
  /** A new step starts at its top: the person should not land in the middle of the privacy notice. */
  const setStep = (next: Step) => {
    setStepState(next);
    if (next.kind !== 'signingIn' && next.kind !== 'saving') scrollToTop();
  };
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);

  async function recordConsent(version: string): Promise<void> {
    setStep({ kind: 'saving', version });
    setError(null);
    const result = await agreePrivacy(version);
    if (!result.ok) {
      setError(result.error);
      setStep({ kind: 'privacy', wechat: false, version });
      return;
    }
    setMe(result.data);
    go(nextPageAfterLogin(result.data, bindCode));
  }

  async function afterLogin(result: Result<LoginResult>, agreedJustNow: boolean): Promise<void> {
    if (!result.ok) {
      setError(result.error);
      setStep({ kind: 'start' });
      return;
    }
    signIn(result.data);
    const { me } = result.data;
    if (!me.account.privacyConsentRequired) {
      go(nextPageAfterLogin(me, bindCode));
      return;
    }
    const version = me.account.currentPrivacyNoticeVersion;
    if (agreedJustNow) await recordConsent(version);
    else setStep({ kind: 'privacy', wechat: false, version });
  }

  async function signInWithWechat(agreedJustNow: boolean): Promise<void> {
    setStep({ kind: 'signingIn' });
    setError(null);
    let code = '';
    try {
      code = (await Taro.login()).code;
    } catch {
      code = '';
    }
    if (!code) {
      setError({ code: 'CLIENT_WECHAT_LOGIN_FAILED', message: m.wechatLoginFailed, correlationId: '-' });
      setStep({ kind: 'start' });
      return;
    }
    await afterLogin(await wechatLogin(code), agreedJustNow);
  }

  async function startWechat(): Promise<void> {
    setError(null);
    if (await needsWechatPrivacyAuthorization()) {
      setStep({ kind: 'privacy', wechat: true, version: null });
      return;
    }
    await signInWithWechat(false);
  }

  async function signInAsPersona(persona: DemoPersona): Promise<void> {
    setChosen(persona.key);
    setStep({ kind: 'signingIn' });
    setError(null);
    await afterLogin(await demoLogin(persona.key), false);
  }

  async function backHome(): Promise<void> {
    if (signedIn) await signOut();
    void Taro.switchTab({ url: routes.home });
  }

  return (
    <PageShell testId="login-page">
      {step.kind === 'privacy' || step.kind === 'saving' ? (
        <View>
          <Text className="login__step" data-testid="login-privacy-step">
            {m.privacyStepTitle}
          </Text>
          <Text className="login__para">{m.privacyStepHint}</Text>
          {error ? (
            <View className="section">
              <ErrorState error={error} title={m.failedTitle} />
            </View>
          ) : null}
          <View className="section">
            <PrivacyNotice
              version={step.version}
              wechatAgree={step.kind === 'privacy' && step.wechat}
              busy={step.kind === 'saving'}
              onAgree={() => {
                if (step.kind !== 'privacy') return;
                if (step.wechat) void signInWithWechat(true);
                else if (step.version) void recordConsent(step.version);
              }}
              onDisagree={() => {
                if (step.kind === 'privacy') setStep({ kind: 'declined', from: { wechat: step.wechat, version: step.version } });
              }}
            />
          </View>
        </View>
      ) : null}

      {step.kind === 'declined' ? (
        <View data-testid="login-declined">
          <Notice tone="warning" title={m.declinedTitle}>
            {m.declinedBody.map((line) => (
              <Text className="login__para" key={line}>
                {line}
              </Text>
            ))}
          </Notice>
          <View className="section">
            <Button
              className="big-button"
              type="primary"
              block
              onClick={() => setStep({ kind: 'privacy', wechat: step.from.wechat, version: step.from.version })}
            >
              {m.readAgain}
            </Button>
          </View>
          <View className="section">
            <Button className="big-button" type="default" fill="outline" block onClick={() => void backHome()}>
              {m.backHome}
            </Button>
          </View>
        </View>
      ) : null}

      {step.kind === 'start' || step.kind === 'signingIn' ? (
        <View>
          <Text className="login__heading" {...roleProps('heading')} aria-level={1}>
            {m.heading}
          </Text>
          {expired ? (
            <View className="section">
              <Notice tone="info" title={m.expired} testId="login-expired" />
            </View>
          ) : null}
          <Text className="login__para login__intro">{m.intro}</Text>
          {error ? (
            <View className="section">
              <ErrorState error={error} title={m.failedTitle} />
            </View>
          ) : null}
          {isWeapp() ? (
            <WechatLogin busy={step.kind === 'signingIn'} onStart={() => void startWechat()} />
          ) : (
            <DemoPersonaPicker busy={step.kind === 'signingIn'} chosen={chosen} onPick={(p) => void signInAsPersona(p)} />
          )}
        </View>
      ) : null}
    </PageShell>
  );
}

function WechatLogin({ busy, onStart }: { busy: boolean; onStart: () => void }) {
  return (
    <View className="section">
      <Button className="big-button" type="primary" block disabled={busy} onClick={onStart} data-testid="login-wechat">
        {busy ? m.signingIn : m.wechatButton}
      </Button>
      <Text className="login__hint">{m.wechatHint}</Text>
    </View>
  );
}

/** H5: the local demo's people, as big buttons with who they are and what they can do. */
function DemoPersonaPicker({
  busy,
  chosen,
  onPick,
}: {
  busy: boolean;
  chosen: string | null;
  onPick: (persona: DemoPersona) => void;
}) {
  const personas = useRequest(getDemoPersonas);
  if (personas.status === 'loading') return <LoadingState label={m.demoLoading} />;
  if (personas.status === 'error' || personas.data.length === 0) {
    // Only the local demo offers personas; elsewhere the web version cannot sign in with WeChat.
    return (
      <View className="section">
        <Notice tone="info" title={m.noWechatOnWeb} testId="login-no-demo" />
      </View>
    );
  }
  return (
    <View className="section" data-testid="persona-picker">
      <Text className="login__subheading" {...roleProps('heading')} aria-level={2}>
        {m.demoHeading}
      </Text>
      <Text className="login__para">{m.demoIntro}</Text>
      {personas.data.map((persona) => (
        <View
          key={persona.key}
          className={`persona${busy ? ' persona--busy' : ''}`}
          {...roleProps('button')}
          aria-disabled={busy}
          data-testid={`persona-${persona.key}`}
          onClick={busy ? undefined : () => onPick(persona)}
          {...pressProps(() => onPick(persona), busy)}
        >
          <View className="persona__head">
            <Text className="persona__label">{persona.label}</Text>
            {busy && chosen === persona.key ? <Text className="persona__busy">{m.signingIn}</Text> : null}
          </View>
          <Text className="persona__name">{m.demoPersonaName(persona.name)}</Text>
          <Text className="persona__description">{persona.description}</Text>
        </View>
      ))}
    </View>
  );
}
