import type { Role } from '../constants/roles';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** ISO 8601 */
  accessExpiresAt: string;
  refreshExpiresAt: string;
}

export interface HouseholdMember {
  id: string;
  name: string;
  relationToHead: string;
  isRepresentative: boolean;
}

/** What a signed-in user sees about themselves: `GET /api/me`. Personal data is masked. */
export interface Me {
  account: {
    id: string;
    /** The notice version agreed to, or null. */
    privacyConsentVersion: string | null;
    /** True when the current notice has not been agreed to yet: show it before anything else. */
    privacyConsentRequired: boolean;
    currentPrivacyNoticeVersion: string;
    idNumberConsentGiven: boolean;
  };
  village: { id: string; code: string; name: string } | null;
  /** Set for 乡镇干部, who oversee the township's villages instead of belonging to one. */
  township: { id: string; name: string; county: string; staffName: string; staffTitle: string | null } | null;
  resident: {
    id: string;
    name: string;
    gender: 'male' | 'female';
    birthDate: string;
    phoneMasked: string | null;
    idNumberMasked: string | null;
  } | null;
  household: {
    id: string;
    number: string;
    address: string;
    gridName: string;
    gridLeaderName: string | null;
    representativeName: string | null;
    isRepresentative: boolean;
    members: HouseholdMember[];
  } | null;
  roles: Role[];
}

export interface LoginResult extends TokenPair {
  me: Me;
}

export interface DemoPersona {
  key: string;
  /** 村民, 户代表, 网格员, 书记, 村委会委员, 监委会成员, 新用户 */
  label: string;
  name: string | null;
  description: string;
}

export interface IssuedBindingCode {
  code: string;
  residentId: string;
  residentName: string;
  expiresAt: string;
  /** Text for the QR code: opens the binding page with the code filled in. */
  qrText: string;
  /** The QR code as an SVG document, ready to print. */
  qrSvg: string;
}
