import {
  checkAuthorization,
  decisionBodyFor,
  decisionRuleFor,
  DEFAULT_MATTER_TYPES,
  GENERAL_MATTER_TYPE,
  mergeMatterTypes,
  STATUTORY_MATTER_TYPES,
  type AssemblyAuthorization,
  type MatterTypeDefinition,
} from './matter-types';

const typeOf = (code: string): MatterTypeDefinition => {
  const t = DEFAULT_MATTER_TYPES.find((x) => x.code === code);
  if (!t) throw new Error(code);
  return t;
};

describe('statutory matter types', () => {
  it('has the eight OL art. 24 items, the two LCL land matters and 村规民约, all non-removable', () => {
    expect(STATUTORY_MATTER_TYPES.map((t) => [t.code, t.label, t.decisionMode, t.override])).toEqual([
      ['lost_work_subsidy', '误工补贴', 'assembly_or_authorized_reps', null],
      ['collective_income_use', '集体收益使用', 'assembly_or_authorized_reps', null],
      ['public_welfare_funding', '公益事业筹资筹劳', 'assembly_or_authorized_reps', null],
      ['land_contracting_plan', '土地承包经营方案', 'assembly_or_authorized_reps', 'land_contracting_plan'],
      ['collective_economy_project', '集体经济项目', 'assembly_or_authorized_reps', null],
      ['homestead_plan', '宅基地使用方案', 'assembly_or_authorized_reps', null],
      ['land_compensation_distribution', '征地补偿费分配', 'assembly_or_authorized_reps', null],
      ['collective_property_disposal', '处分集体财产', 'assembly_or_authorized_reps', null],
      ['land_adjustment', '调整承包地', 'either', 'land_adjustment'],
      ['outside_contracting', '集体土地对外发包', 'either', 'outside_contracting'],
      ['village_rules', '村规民约', 'villager_assembly_only', null],
    ]);
    expect(STATUTORY_MATTER_TYPES.every((t) => t.statutory && t.legalBasis)).toBe(true);
    expect(typeOf('land_contracting_plan').legalBasis).toBe('《村民委员会组织法》第二十四条第一款第（四）项；《农村土地承包法》第十九条');
    expect(GENERAL_MATTER_TYPE).toMatchObject({ code: 'general', statutory: false, decisionMode: 'either' });
  });

  it('land types vote with the 2/3 override', () => {
    expect(decisionRuleFor(typeOf('land_contracting_plan'), 'villager_assembly')).toEqual({ body: 'villager_assembly', override: 'land_contracting_plan' });
    expect(decisionRuleFor(typeOf('homestead_plan'), 'representative_assembly')).toEqual({ body: 'representative_assembly', override: null });
  });
});

describe('mergeMatterTypes', () => {
  it('adds a village’s own types after the defaults', () => {
    const merged = mergeMatterTypes({ extras: [{ code: 'road_lighting', label: ' 路灯维护 ', decisionMode: 'either' }], disabled: ['general'] });
    expect(merged.ok).toBe(true);
    if (!merged.ok) return;
    expect(merged.types.map((t) => t.code)).toEqual([...STATUTORY_MATTER_TYPES.map((t) => t.code), 'road_lighting']);
    expect(merged.types[merged.types.length - 1]).toEqual({
      code: 'road_lighting',
      label: '路灯维护',
      description: '',
      legalBasis: null,
      statutory: false,
      decisionMode: 'either',
      override: null,
    });
  });

  it('refuses removing a statutory type', () => {
    expect(mergeMatterTypes({ extras: [], disabled: ['homestead_plan'] })).toEqual({
      ok: false,
      problems: [
        {
          code: 'statutory_not_removable',
          typeCode: 'homestead_plan',
          message: '“宅基地使用方案”是法定事项类型（《村民委员会组织法》第二十四条第一款第（六）项），不能删除或停用',
        },
      ],
    });
  });

  it('refuses redefining a statutory type under its code (e.g. to make it "either")', () => {
    const merged = mergeMatterTypes({ extras: [{ code: 'village_rules', label: '村规民约', decisionMode: 'either' }], disabled: [] });
    expect(merged.ok).toBe(false);
    if (!merged.ok) expect(merged.problems[0]).toMatchObject({ code: 'code_taken', message: '类型代码“village_rules”已被法定类型“村规民约”使用，法定类型不能修改' });
  });

  it('refuses malformed types and unknown removals', () => {
    const merged = mergeMatterTypes({
      extras: [
        { code: 'Bad Code', label: 'x', decisionMode: 'either' },
        { code: 'ok_one', label: '', decisionMode: 'sometimes' as never },
        { code: 'ok_one', label: '重复', decisionMode: 'either' },
        { code: 'ok_two', label: '二', decisionMode: 'either', override: 'made_up' as never },
      ],
      disabled: ['nothing'],
    });
    expect(merged.ok).toBe(false);
    if (!merged.ok) expect(merged.problems.map((p) => p.code)).toEqual(['unknown_type', 'invalid_code', 'invalid_label', 'invalid_mode', 'code_taken', 'invalid_override']);
  });
});

describe('decisionBodyFor', () => {
  const auth = (over: Partial<AssemblyAuthorization> = {}): AssemblyAuthorization => ({
    id: 'a',
    grantedByMeetingId: 'm',
    grantedOn: '2026-01-10',
    typeCodes: ['collective_income_use'],
    expiresOn: null,
    revokedOn: null,
    ...over,
  });
  const income = typeOf('collective_income_use');

  it('art. 24 types: 村民会议 only, unless an authorization covers the day', () => {
    expect(decisionBodyFor(income, [], '2026-06-01')).toEqual({
      bodies: ['villager_assembly'],
      authorization: null,
      representativeRefusal: '该事项属于《村民委员会组织法》第二十四条，须由村民会议决定；村民代表会议没有村民会议的授权',
      basis: '《村民委员会组织法》第二十四条',
    });
    const a = auth();
    expect(decisionBodyFor(income, [a], '2026-06-01')).toEqual({ bodies: ['villager_assembly', 'representative_assembly'], authorization: a, representativeRefusal: null, basis: null });
  });

  it('uses whichever authorization is in force, and explains the newest one otherwise', () => {
    const old = auth({ id: 'old', grantedOn: '2024-01-10', expiresOn: '2024-12-31' });
    const fresh = auth({ id: 'fresh', grantedOn: '2026-01-10' });
    expect(decisionBodyFor(income, [old, fresh], '2026-06-01').authorization?.id).toBe('fresh');
    expect(decisionBodyFor(income, [old], '2026-06-01').representativeRefusal).toContain('村民会议 2024年1月10日 的授权已于 2024年12月31日 到期');
    expect(decisionBodyFor(income, [auth({ revokedOn: '2026-05-01' })], '2026-04-30').authorization).not.toBeNull();
    expect(decisionBodyFor(income, [auth({ revokedOn: '2026-05-01' })], '2026-05-01').authorization).toBeNull();
  });

  it('村规民约: 村民会议 only, whatever is authorized', () => {
    expect(decisionBodyFor(typeOf('village_rules'), [auth({ typeCodes: ['village_rules'] })], '2026-06-01').bodies).toEqual(['villager_assembly']);
  });

  it('a village’s own type that needs authorization says so in its own words', () => {
    const own: MatterTypeDefinition = { ...GENERAL_MATTER_TYPE, code: 'big_spend', label: '大额支出', decisionMode: 'assembly_or_authorized_reps' };
    expect(decisionBodyFor(own, [], '2026-06-01')).toMatchObject({ representativeRefusal: '“大额支出”按本村规定，须由村民会议决定；村民代表会议没有村民会议的授权', basis: null });
  });
});

describe('checkAuthorization', () => {
  it('accepts art. 24 types only, with sensible dates', () => {
    expect(checkAuthorization({ grantedOn: '2026-01-10', typeCodes: ['homestead_plan'], expiresOn: '2026-12-31' }, DEFAULT_MATTER_TYPES)).toEqual([]);
    expect(checkAuthorization({ grantedOn: '2026-01-10', typeCodes: ['village_rules', 'general', 'nope'], expiresOn: '2025-12-31' }, DEFAULT_MATTER_TYPES)).toEqual([
      '授权截止日期不能早于作出授权的日期',
      '“村规民约”须由村民会议决定（《村民委员会组织法》第二十七条），不能授权村民代表会议',
      '“其他村务”村民代表会议本来就可以决定，不需要授权',
      '没有“nope”这个事项类型',
    ]);
    expect(checkAuthorization({ grantedOn: 'x', typeCodes: [], expiresOn: null }, DEFAULT_MATTER_TYPES)).toEqual(['请填写作出授权的村民会议日期', '请选择授权村民代表会议决定的事项类型']);
  });
});
