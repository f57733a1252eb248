import { isCalendarDay } from './date';
import { MATTER_OVERRIDES, MATTER_OVERRIDE_BASIS, type DecisionRule, type MatterOverride } from './quorum';
import { dayLabel } from './workflow-text';

/*
 * Matter types (DOMAIN.md §2): which body may decide a matter and by what bar.
 *
 * 《村民委员会组织法》第二十四条 lists what only the 村民会议 decides, unless it has authorised the
 * 村民代表会议 (第二款: 村民会议可以授权村民代表会议讨论决定前款规定的事项) — so each such type
 * needs a stored AssemblyAuthorization before a 村民代表会议 may decide it. 村规民约 and the 村民自治章程
 * are made by the 村民会议 (第二十七条) and are not among the matters that may be delegated, so they
 * stay with the 村民会议 alone. The land types carry the 农村土地承包法 override (≥ 2/3 of everyone
 * entitled, applied by quorum.ts); 调整承包地 and 发包给外人 may by that law go to the 村民代表会议
 * directly ("三分之二以上村民代表的同意").
 *
 * A village may add its own types; it may never remove a statutory one.
 */

export const OL_ART_24 = '《村民委员会组织法》第二十四条';
export const OL_ART_27 = '《村民委员会组织法》第二十七条';

export const DECISION_MODES = ['villager_assembly_only', 'assembly_or_authorized_reps', 'either'] as const;
/**
 * `villager_assembly_only`: only the 村民会议. `assembly_or_authorized_reps`: the 村民会议, or the
 * 村民代表会议 under a valid authorization covering the type. `either`: both, no authorization needed.
 */
export type DecisionMode = (typeof DECISION_MODES)[number];
export const DECISION_MODE_LABELS: Record<DecisionMode, string> = {
  villager_assembly_only: '只能由村民会议决定',
  assembly_or_authorized_reps: '由村民会议决定，或经村民会议授权由村民代表会议决定',
  either: '村民会议或村民代表会议均可决定',
};

/** The bodies that decide a matter at stage 4. */
export type AssemblyBody = 'villager_assembly' | 'representative_assembly';

export interface MatterTypeDefinition {
  /** Stable key stored on each matter: `lost_work_subsidy`, or a village's own `road_lighting`. */
  code: string;
  label: string;
  /** What the type covers, for the create-matter picker. */
  description: string;
  /** null for a village's own types. */
  legalBasis: string | null;
  /** Statutory defaults cannot be removed or changed by a village. */
  statutory: boolean;
  decisionMode: DecisionMode;
  /** Raises the bar to ≥ 2/3 of everyone entitled (quorum.ts). */
  override: MatterOverride | null;
}

const art24 = (code: string, label: string, item: string, description: string, override: MatterOverride | null = null): MatterTypeDefinition => ({
  code,
  label,
  description,
  legalBasis: `${OL_ART_24}第一款第（${item}）项${override ? `；${MATTER_OVERRIDE_BASIS[override]}` : ''}`,
  statutory: true,
  decisionMode: 'assembly_or_authorized_reps',
  override,
});

const lcl = (code: MatterOverride, label: string, description: string): MatterTypeDefinition => ({
  code,
  label,
  description,
  legalBasis: MATTER_OVERRIDE_BASIS[code],
  statutory: true,
  decisionMode: 'either',
  override: code,
});

/** The statutory defaults every village has; none can be removed. */
export const STATUTORY_MATTER_TYPES: readonly MatterTypeDefinition[] = [
  art24('lost_work_subsidy', '误工补贴', '一', '本村享受误工补贴的人员及补贴标准'),
  art24('collective_income_use', '集体收益使用', '二', '从村集体经济所得收益的使用'),
  art24('public_welfare_funding', '公益事业筹资筹劳', '三', '本村公益事业的兴办和筹资筹劳方案及建设承包方案'),
  art24('land_contracting_plan', '土地承包经营方案', '四', '土地承包经营方案（须三分之二以上成员或村民代表同意）', 'land_contracting_plan'),
  art24('collective_economy_project', '集体经济项目', '五', '村集体经济项目的立项、承包方案'),
  art24('homestead_plan', '宅基地使用方案', '六', '宅基地的使用方案'),
  art24('land_compensation_distribution', '征地补偿费分配', '七', '征地补偿费的使用、分配方案'),
  art24('collective_property_disposal', '处分集体财产', '八', '以借贷、租赁或者其他方式处分村集体财产'),
  lcl('land_adjustment', '调整承包地', '承包期内个别农户之间承包地的适当调整（须三分之二以上成员或村民代表同意）'),
  lcl('outside_contracting', '集体土地对外发包', '发包给本集体经济组织以外的单位或者个人承包（须三分之二以上成员或村民代表同意）'),
  {
    code: 'village_rules',
    label: '村规民约',
    description: '制定和修改村规民约、村民自治章程，包括积分制规则',
    legalBasis: OL_ART_27,
    statutory: true,
    decisionMode: 'villager_assembly_only',
    override: null,
  },
];

/** The general type: removable, decided by either body. */
export const GENERAL_MATTER_TYPE: MatterTypeDefinition = {
  code: 'general',
  label: '其他村务',
  description: '其他涉及村民利益、需要村民共同商议决定的事项',
  legalBasis: null,
  statutory: false,
  decisionMode: 'either',
  override: null,
};

export const DEFAULT_MATTER_TYPES: readonly MatterTypeDefinition[] = [...STATUTORY_MATTER_TYPES, GENERAL_MATTER_TYPE];

// ---------------------------------------------------------------- village configuration

export const MATTER_TYPE_CODE_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;
export const MATTER_TYPE_LABEL_MAX = 20;
export const MATTER_TYPE_DESCRIPTION_MAX = 200;

/** A type a village adds. */
export interface MatterTypeInput {
  code: string;
  label: string;
  description?: string;
  decisionMode: DecisionMode;
  override?: MatterOverride | null;
}

/** What a village stores: its own types, and the non-statutory defaults it does not use. */
export interface VillageMatterTypeConfig {
  extras: readonly MatterTypeInput[];
  disabled: readonly string[];
}

export type MatterTypeProblemCode = 'statutory_not_removable' | 'unknown_type' | 'code_taken' | 'invalid_code' | 'invalid_label' | 'invalid_description' | 'invalid_mode' | 'invalid_override';

export interface MatterTypeProblem {
  code: MatterTypeProblemCode;
  typeCode: string;
  message: string;
}

export type MatterTypeMerge = { ok: true; types: MatterTypeDefinition[] } | { ok: false; problems: MatterTypeProblem[] };

/**
 * The village's list: the defaults (less any disabled non-statutory one) followed by its own types.
 * Refuses disabling a statutory type, and any own type that reuses a code or is malformed.
 */
export function mergeMatterTypes(config: VillageMatterTypeConfig): MatterTypeMerge {
  const problems: MatterTypeProblem[] = [];
  const defaults = new Map(DEFAULT_MATTER_TYPES.map((t) => [t.code, t]));
  for (const code of config.disabled) {
    const t = defaults.get(code);
    if (!t) {
      problems.push({ code: 'unknown_type', typeCode: code, message: `没有“${code}”这个默认事项类型` });
    } else if (t.statutory) {
      problems.push({
        code: 'statutory_not_removable',
        typeCode: code,
        message: `“${t.label}”是法定事项类型（${t.legalBasis}），不能删除或停用`,
      });
    }
  }
  const seen = new Set<string>();
  for (const extra of config.extras) {
    const label = typeof extra.label === 'string' ? extra.label.trim() : '';
    if (typeof extra.code !== 'string' || !MATTER_TYPE_CODE_PATTERN.test(extra.code)) {
      problems.push({ code: 'invalid_code', typeCode: String(extra.code), message: '类型代码应由 2–40 个小写字母、数字或下划线组成，以字母开头' });
      continue;
    }
    const existing = defaults.get(extra.code);
    if (existing || seen.has(extra.code)) {
      const what = existing ? (existing.statutory ? `法定类型“${existing.label}”` : `默认类型“${existing.label}”`) : '另一个自定义类型';
      problems.push({ code: 'code_taken', typeCode: extra.code, message: `类型代码“${extra.code}”已被${what}使用，${existing?.statutory ? '法定类型不能修改' : '请换一个'}` });
      continue;
    }
    seen.add(extra.code);
    if (label.length === 0 || [...label].length > MATTER_TYPE_LABEL_MAX) {
      problems.push({ code: 'invalid_label', typeCode: extra.code, message: `类型名称不能为空，最多 ${MATTER_TYPE_LABEL_MAX} 个字` });
    }
    if (extra.description !== undefined && [...extra.description].length > MATTER_TYPE_DESCRIPTION_MAX) {
      problems.push({ code: 'invalid_description', typeCode: extra.code, message: `类型说明最多 ${MATTER_TYPE_DESCRIPTION_MAX} 个字` });
    }
    if (!(DECISION_MODES as readonly string[]).includes(extra.decisionMode)) {
      problems.push({ code: 'invalid_mode', typeCode: extra.code, message: '请选择由哪个会议决定' });
    }
    if (extra.override != null && !(MATTER_OVERRIDES as readonly string[]).includes(extra.override)) {
      problems.push({ code: 'invalid_override', typeCode: extra.code, message: '只能选择法律规定的三分之二表决要求' });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const disabled = new Set(config.disabled);
  const types: MatterTypeDefinition[] = [
    ...DEFAULT_MATTER_TYPES.filter((t) => !disabled.has(t.code)),
    ...config.extras.map(
      (e): MatterTypeDefinition => ({
        code: e.code,
        label: e.label.trim(),
        description: e.description?.trim() ?? '',
        legalBasis: null,
        statutory: false,
        decisionMode: e.decisionMode,
        override: e.override ?? null,
      }),
    ),
  ];
  return { ok: true, types };
}

// ---------------------------------------------------------------- authorizations (授权)

/** A 村民会议's authorization for the 村民代表会议 to decide the listed types (OL art. 24 第二款). */
export interface AssemblyAuthorization {
  id: string;
  /** The 村民会议 meeting that granted it. */
  grantedByMeetingId: string;
  grantedOn: string;
  typeCodes: readonly string[];
  /** Last day covered, inclusive; null: until revoked. */
  expiresOn: string | null;
  /** Not in force from this day on (a later 村民会议 withdrew it); null while in force. */
  revokedOn: string | null;
}

/** Null when the authorization lets the 村民代表会议 decide `typeCode` on `day`; otherwise why not. */
export function authorizationProblem(a: AssemblyAuthorization, typeCode: string, day: string): string | null {
  const granted = `村民会议 ${dayLabel(a.grantedOn)} 的授权`;
  if (!a.typeCodes.includes(typeCode)) return `${granted}不包括这类事项`;
  if (day < a.grantedOn) return `${granted}在会议日期之后才作出`;
  if (a.revokedOn !== null && day >= a.revokedOn) return `${granted}已于 ${dayLabel(a.revokedOn)} 撤销`;
  if (a.expiresOn !== null && day > a.expiresOn) return `${granted}已于 ${dayLabel(a.expiresOn)} 到期`;
  return null;
}

export interface AuthorizationInput {
  grantedOn: string;
  typeCodes: readonly string[];
  expiresOn: string | null;
}

/** Problems with an authorization a 村民会议 is recorded as granting; empty when it can be stored. */
export function checkAuthorization(input: AuthorizationInput, types: readonly MatterTypeDefinition[]): string[] {
  const problems: string[] = [];
  if (!isCalendarDay(input.grantedOn)) problems.push('请填写作出授权的村民会议日期');
  if (input.expiresOn !== null && (!isCalendarDay(input.expiresOn) || input.expiresOn < input.grantedOn)) {
    problems.push('授权截止日期不能早于作出授权的日期');
  }
  if (input.typeCodes.length === 0) problems.push('请选择授权村民代表会议决定的事项类型');
  for (const code of input.typeCodes) {
    const t = types.find((x) => x.code === code);
    if (!t) problems.push(`没有“${code}”这个事项类型`);
    else if (t.decisionMode === 'villager_assembly_only') problems.push(`“${t.label}”须由村民会议决定（${t.legalBasis ?? '本村规定'}），不能授权村民代表会议`);
    else if (t.decisionMode === 'either') problems.push(`“${t.label}”村民代表会议本来就可以决定，不需要授权`);
  }
  return problems;
}

// ---------------------------------------------------------------- who decides

export interface DecisionBodyRuling {
  /** Bodies that may decide on the day, 村民会议 first. */
  bodies: AssemblyBody[];
  /** The authorization relied on by a 村民代表会议, when one is needed and in force. */
  authorization: AssemblyAuthorization | null;
  /** Why the 村民代表会议 may not decide; null when it may. */
  representativeRefusal: string | null;
  /** The legal source of the refusal, when statutory. */
  basis: string | null;
}

/** Who may decide a matter of this type on `day`, given the village's authorizations. */
export function decisionBodyFor(type: MatterTypeDefinition, authorizations: readonly AssemblyAuthorization[], day: string): DecisionBodyRuling {
  switch (type.decisionMode) {
    case 'either':
      return { bodies: ['villager_assembly', 'representative_assembly'], authorization: null, representativeRefusal: null, basis: null };
    case 'villager_assembly_only': {
      const basis = type.legalBasis;
      const law = basis ? `（${basis}）` : '（本村规定）';
      return {
        bodies: ['villager_assembly'],
        authorization: null,
        representativeRefusal: `“${type.label}”须由村民会议决定${law}，不能由村民代表会议决定`,
        basis,
      };
    }
    case 'assembly_or_authorized_reps': {
      const covering = authorizations.filter((a) => a.typeCodes.includes(type.code));
      const valid = covering.find((a) => authorizationProblem(a, type.code, day) === null) ?? null;
      if (valid) return { bodies: ['villager_assembly', 'representative_assembly'], authorization: valid, representativeRefusal: null, basis: null };
      const where = type.statutory ? `该事项属于${OL_ART_24}` : `“${type.label}”按本村规定`;
      const latest = [...covering].sort((a, b) => (a.grantedOn < b.grantedOn ? 1 : -1))[0];
      const why = latest ? `；${authorizationProblem(latest, type.code, day)}` : '；村民代表会议没有村民会议的授权';
      return {
        bodies: ['villager_assembly'],
        authorization: null,
        representativeRefusal: `${where}，须由村民会议决定${why}`,
        basis: type.statutory ? OL_ART_24 : null,
      };
    }
    default:
      return assertNeverMode(type.decisionMode);
  }
}

/** The voting rule for deciding a matter of this type with this body. */
export function decisionRuleFor(type: MatterTypeDefinition, body: AssemblyBody): DecisionRule {
  return { body, override: type.override };
}

function assertNeverMode(value: never): never {
  throw new Error(`未知的决定方式：${String(value)}`);
}
