import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { ApiErrorBody } from '@village/shared';
import { useState } from 'react';
import { roleProps } from '../../../../components/a11y';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { TextField } from '../../../../components/TextField';
import { messages } from '../../../../constants/messages';
import { routes, withQuery } from '../../../../constants/routes';
import { useMe } from '../../../../hooks/useMe';
import { redeemBindingCode } from '../../../../services/api/me';
import { setFlash } from '../../../../services/flash';
import {
  BINDING_CODE_LENGTH,
  codeFromScan,
  isCompleteBindingCode,
  lookAlikeCharacters,
  normaliseBindingCode,
} from '../../utils/bindingCode';
import { bindSuccessMessage } from '../../utils/flow';
import './index.css';

const m = messages.bind;
/** Read at render (not at import) so unit tests can try the WeChat path; the build replaces it with a constant. */
const isWeapp = () => process.env.TARO_ENV === 'weapp';

/** The code a link or QR code opened this page with: `?code=K7M2QX`, or WeChat's `?q=<encoded link>`. */
function codeFromParams(params: Record<string, string | undefined> | undefined): string | null {
  if (!params) return null;
  return codeFromScan(params.code ?? null) ?? codeFromScan(params.q ?? null);
}

/**
 * 绑定村民身份 (sub-package "account"): the committee's 6-character code, typed (upper-cased as
 * typed), filled in from the QR code's link, or scanned (weapp). The server's Chinese message is
 * shown in place when the code is wrong, used, expired or tried too often; what was typed stays.
 * On success 我的 opens with "绑定成功：您是 X 家的 …".
 */
export default function BindPage() {
  const router = useRouter();
  const linked = codeFromParams(router?.params);
  const { state, me, setMe, refresh } = useMe();
  const [code, setCode] = useState(linked ?? '');
  const [prefilled, setPrefilled] = useState(linked !== null);
  const [problem, setProblem] = useState<string | null>(null);
  const [serverError, setServerError] = useState<ApiErrorBody | null>(null);
  const [busy, setBusy] = useState(false);

  function onType(value: string): string {
    const next = normaliseBindingCode(value);
    setCode(next);
    setPrefilled(false);
    setProblem(null);
    setServerError(null);
    return next;
  }

  async function scan(): Promise<void> {
    setProblem(null);
    setServerError(null);
    let res: { result?: string; path?: string };
    try {
      res = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] });
    } catch {
      return; // the person closed the camera
    }
    const scanned = codeFromScan(res.result) ?? codeFromScan(res.path);
    if (!scanned) {
      setProblem(m.scanFailed);
      return;
    }
    setCode(scanned);
    setPrefilled(true);
  }

  async function confirm(): Promise<void> {
    const value = normaliseBindingCode(code);
    const odd = lookAlikeCharacters(value);
    if (value.length < BINDING_CODE_LENGTH) {
      setProblem(m.tooShort(value.length));
      return;
    }
    if (odd.length > 0 || !isCompleteBindingCode(value)) {
      setProblem(m.lookAlike(odd.join('、')));
      return;
    }
    setBusy(true);
    setServerError(null);
    const result = await redeemBindingCode(value);
    setBusy(false);
    if (!result.ok) {
      setServerError(result.error);
      return;
    }
    setMe(result.data);
    setFlash(bindSuccessMessage(result.data));
    void Taro.switchTab({ url: routes.mine });
  }

  if (state.status === 'signedOut') {
    return (
      <PageShell testId="bind-page">
        <Heading />
        <View className="section">
          <Notice tone="info" title={m.signInFirst} testId="bind-sign-in-first" />
        </View>
        <View className="section">
          <Button
            className="big-button"
            type="primary"
            block
            onClick={() => void Taro.navigateTo({ url: withQuery(routes.login, { bindCode: code || null }) })}
            data-testid="bind-go-login"
          >
            {m.signInFirstAction}
          </Button>
        </View>
      </PageShell>
    );
  }
  if (state.status === 'loading') {
    return (
      <PageShell testId="bind-page">
        <LoadingState />
      </PageShell>
    );
  }
  if (state.status === 'error') {
    return (
      <PageShell testId="bind-page">
        <ErrorState error={state.error} onRetry={() => void refresh()} />
      </PageShell>
    );
  }
  if (me?.resident) {
    return (
      <PageShell testId="bind-page">
        <Heading />
        <View className="section">
          <Notice tone="info" title={m.alreadyBound(me.resident.name)} testId="bind-already">
            <Text>{m.alreadyBoundHint}</Text>
          </Notice>
        </View>
        <View className="section">
          <Button className="big-button" type="primary" block onClick={() => void Taro.switchTab({ url: routes.mine })}>
            {m.goMine}
          </Button>
        </View>
      </PageShell>
    );
  }

  return (
    <PageShell testId="bind-page">
      <Heading />
      <Text className="bind__para">{m.intro}</Text>

      {prefilled ? (
        <View className="section">
          <Notice tone="info" title={m.fromQr} testId="bind-prefilled" />
        </View>
      ) : null}

      <TextField
        label={m.inputLabel}
        value={code}
        onChange={onType}
        placeholder={m.placeholder}
        maxlength={12}
        large
        hint={problem ? undefined : m.counter(code.length)}
        error={problem}
        testId="bind-code"
        onConfirm={() => void confirm()}
      />
      <Text className="bind__note">{m.lookAlikeNote}</Text>

      {serverError ? (
        <View className="section">
          <ErrorState error={serverError} title={m.failedTitle} />
        </View>
      ) : null}

      <View className="section">
        <Button className="big-button" type="primary" block disabled={busy} onClick={() => void confirm()} data-testid="bind-confirm">
          {busy ? m.binding : m.confirm}
        </Button>
      </View>

      {isWeapp() ? (
        <View className="section">
          <Button className="big-button" type="default" fill="outline" block disabled={busy} onClick={() => void scan()} data-testid="bind-scan">
            {m.scan}
          </Button>
          <Text className="bind__note">{m.scanHint}</Text>
        </View>
      ) : null}

      <Text className="bind__para bind__help">{m.noCodeHelp}</Text>
    </PageShell>
  );
}

function Heading() {
  return (
    <Text className="bind__heading" {...roleProps('heading')} aria-level={1}>
      {m.heading}
    </Text>
  );
}
