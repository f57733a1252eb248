/**
 * Who is using the app: the signed-in account, its resident, household and roles (GET /api/me).
 *
 * `<MeProvider>` sits at the app root (app.tsx) so every page sees the same answer:
 *  - on start it loads /api/me when a session is stored on the phone;
 *  - login, privacy consent and binding answer with a fresh Me, which pages hand to `setMe`;
 *  - `refresh()` reloads quietly (the old answer stays on screen until the new one arrives);
 *  - when the session ends (the server refused to renew it, see services/http.ts) the state becomes
 *    signed out and the login page opens once with "登录已过期".
 */
import Taro from '@tarojs/taro';
import type { ApiErrorBody, LoginResult, Me, Role } from '@village/shared';
import { createContext, createElement, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { isCommittee } from '../constants/roles';
import { routes } from '../constants/routes';
import { logout } from '../services/api/auth';
import { getMe } from '../services/api/me';
import { endSession, hasSession, onSessionEnded, saveTokens, type SessionEndReason } from '../services/session';

export type MeState =
  | { status: 'signedOut'; me: null; error: null; endedBecause: SessionEndReason | null }
  | { status: 'loading'; me: null; error: null }
  | { status: 'ready'; me: Me; error: null }
  | { status: 'error'; me: null; error: ApiErrorBody };

export interface MeValue {
  state: MeState;
  me: Me | null;
  signedIn: boolean;
  roles: Role[];
  /** 书记, 村委会委员 or 村党组织委员: may use the 户籍名册 pages and issue binding codes. */
  isCommittee: boolean;
  /** Loads /api/me again; with `quiet`, the current answer stays on screen meanwhile. */
  refresh: (options?: { quiet?: boolean }) => Promise<void>;
  /** A fresh Me from a login, consent or binding answer. */
  setMe: (me: Me) => void;
  /** Stores the tokens of a login and its Me. */
  signIn: (result: LoginResult) => void;
  /** 退出登录: tells the server (best effort) and forgets the session on this phone. */
  signOut: () => Promise<void>;
}

const MeContext = createContext<MeValue | null>(null);

/** The login page is opened at most once per this many ms when several calls find the session over. */
const LOGIN_REDIRECT_GAP_MS = 3000;

export function MeProvider({ children }: { children?: ReactNode }) {
  const [state, setState] = useState<MeState>(() =>
    hasSession() ? { status: 'loading', me: null, error: null } : { status: 'signedOut', me: null, error: null, endedBecause: null },
  );
  const lastRedirect = useRef(0);
  const generation = useRef(0);

  const refresh = useCallback(async (options: { quiet?: boolean } = {}) => {
    if (!hasSession()) {
      setState({ status: 'signedOut', me: null, error: null, endedBecause: null });
      return;
    }
    const mine = ++generation.current;
    if (!options.quiet) setState({ status: 'loading', me: null, error: null });
    const result = await getMe();
    if (mine !== generation.current) return; // a newer load or a sign-out won
    if (result.ok) {
      setState({ status: 'ready', me: result.data, error: null });
    } else if (!hasSession()) {
      // The session ended during the call; the session-ended listener has set the state.
    } else if (options.quiet) {
      // Keep what is on screen; the next visit tries again.
    } else {
      setState({ status: 'error', me: null, error: result.error });
    }
  }, []);

  useEffect(() => {
    if (hasSession()) void refresh();
  }, [refresh]);

  useEffect(
    () =>
      onSessionEnded((reason) => {
        generation.current += 1;
        setState({ status: 'signedOut', me: null, error: null, endedBecause: reason });
        if (reason !== 'expired') return;
        const now = Date.now();
        if (now - lastRedirect.current < LOGIN_REDIRECT_GAP_MS) return;
        lastRedirect.current = now;
        void Taro.navigateTo({ url: `${routes.login}?reason=expired` });
      }),
    [],
  );

  const setMe = useCallback((me: Me) => {
    generation.current += 1;
    setState({ status: 'ready', me, error: null });
  }, []);

  const signIn = useCallback(
    (result: LoginResult) => {
      saveTokens(result);
      setMe(result.me);
    },
    [setMe],
  );

  const signOut = useCallback(async () => {
    if (hasSession()) await logout();
    endSession('signedOut');
  }, []);

  const value = useMemo<MeValue>(() => {
    const me = state.status === 'ready' ? state.me : null;
    const roles = me?.roles ?? [];
    return {
      state,
      me,
      signedIn: state.status !== 'signedOut',
      roles,
      isCommittee: isCommittee(roles),
      refresh,
      setMe,
      signIn,
      signOut,
    };
  }, [state, refresh, setMe, signIn, signOut]);

  return createElement(MeContext.Provider, { value }, children);
}

export function useMe(): MeValue {
  const value = useContext(MeContext);
  if (!value) throw new Error('useMe must be used inside <MeProvider> (src/app.tsx)');
  return value;
}
