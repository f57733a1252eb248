import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { routes } from '../../constants/routes';
import type { MeState } from '../../hooks/useMe';
import { ErrorState } from '../ErrorState';
import { LoadingState } from '../LoadingState';
import { Notice } from '../Notice';
import { Button } from '../nutui';
import './index.css';

export interface AccountGateTexts {
  signInTitle: string;
  signInHint: string;
  signIn: string;
  /** For 乡镇干部, who belong to no village. */
  township: string;
  bindTitle: string;
  bindHint: string;
  bind: string;
}

/**
 * What a tab says before it can show a villager's own things: sign in, wait, bind to a resident, or
 * (for 乡镇干部) where to look instead. Nothing once the person is bound to a resident.
 */
export function AccountGate({ state, texts, testPrefix }: { state: MeState; texts: AccountGateTexts; testPrefix: string }) {
  const me = state.me;
  return (
    <>
      {state.status === 'signedOut' ? (
        <View className="section">
          <Notice tone="info" title={texts.signInTitle} testId={`${testPrefix}-sign-in`}>
            <Text>{texts.signInHint}</Text>
          </Notice>
          <Button className="big-button account-gate-gap" type="primary" block onClick={() => void Taro.navigateTo({ url: routes.login })} data-testid={`${testPrefix}-login`}>
            {texts.signIn}
          </Button>
        </View>
      ) : null}
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' ? <ErrorState error={state.error} /> : null}
      {me && !me.resident && me.township ? (
        <View className="section">
          <Notice tone="info" title={texts.township} />
        </View>
      ) : null}
      {me && !me.resident && !me.township ? (
        <View className="section">
          <Notice tone="info" title={texts.bindTitle} testId={`${testPrefix}-bind`}>
            <Text>{texts.bindHint}</Text>
          </Notice>
          <Button className="big-button account-gate-gap" type="primary" block onClick={() => void Taro.navigateTo({ url: routes.bind })} data-testid={`${testPrefix}-bind-button`}>
            {texts.bind}
          </Button>
        </View>
      ) : null}
    </>
  );
}
