import type { IssuedBindingCode, LoginResult, Me } from '@village/shared';

/** A bound villager like the demo's: 李桂兰, 王建国家的配偶, 户号 0012. Override what a test cares about. */
export function makeMe(overrides: Partial<Me> = {}): Me {
  return {
    account: {
      id: 'acc-1',
      privacyConsentVersion: '2026-11',
      privacyConsentRequired: false,
      currentPrivacyNoticeVersion: '2026-11',
      idNumberConsentGiven: false,
    },
    village: { id: 'v-1', code: '140431203201', name: '土岭底村' },
    township: null,
    resident: {
      id: 'r-2',
      name: '李桂兰',
      gender: 'female',
      birthDate: '1961-04-08',
      phoneMasked: '138****5678',
      idNumberMasked: null,
    },
    household: {
      id: 'h-12',
      number: '0012',
      address: '土岭底村东街 12 号',
      gridName: '第一网格',
      gridLeaderName: '闫保平',
      representativeName: '王建国',
      isRepresentative: false,
      members: [
        { id: 'r-1', name: '王建国', relationToHead: '户主', isRepresentative: true },
        { id: 'r-2', name: '李桂兰', relationToHead: '配偶', isRepresentative: false },
        { id: 'r-3', name: '王小明', relationToHead: '子', isRepresentative: false },
      ],
    },
    roles: ['villager'],
    ...overrides,
  };
}

/** A signed-in WeChat account with no resident yet (the demo persona 新用户). */
export function makeUnboundMe(overrides: Partial<Me['account']> = {}): Me {
  return makeMe({
    account: { ...makeMe().account, ...overrides },
    village: null,
    resident: null,
    household: null,
    roles: [],
  });
}

export function makeLoginResult(me: Me = makeMe()): LoginResult {
  return {
    accessToken: 'access-1',
    refreshToken: 'refresh-1',
    accessExpiresAt: '2026-11-25T10:00:00Z',
    refreshExpiresAt: '2026-12-25T10:00:00Z',
    me,
  };
}

export function makeIssuedCode(overrides: Partial<IssuedBindingCode> = {}): IssuedBindingCode {
  return {
    code: 'K7M2QX',
    residentId: 'r-2',
    residentName: '李桂兰',
    expiresAt: '2026-12-02T08:00:00.000Z',
    qrText: 'http://localhost:3000/packages/account/pages/bind/index?code=K7M2QX',
    qrSvg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M0 0h1v1H0z"/></svg>',
    ...overrides,
  };
}
