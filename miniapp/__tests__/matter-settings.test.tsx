/**
 * 议事设置 in jsdom (Taro mocked, the real http client underneath): the hub's one-line summaries
 * (⚠ and words for an overdue meeting), the 事项类型 page (statutory ones not removable, adding a
 * village type sends the whole configuration, the server's problems shown beside the field), the
 * 议事流程 form (村民会议 ≥ 10 days, read-only for supervisors), and the pure helpers.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import {
  DECISION_MODE_LABELS,
  DEFAULT_MATTER_TYPES,
  DEFAULT_PROPOSAL_CATEGORIES,
  DEFAULT_WORKFLOW_POLICY,
  type AssemblyAuthorizationView,
  type ConveningObligationView,
  type MatterTypeView,
  type ProposalSettings,
  type TownshipConveningObligationView,
} from '@village/shared';
import * as taro from '../__mocks__/taro';
import { checkPetition, groupByVillage } from '../src/packages/matters/pages/obligations/index';
import MatterPolicyPage, { readPolicyForm, policyFormOf } from '../src/packages/matters/pages/policy/index';
import { readProposalSettings, withNewCategory } from '../src/packages/matters/pages/proposals/index';
import MatterSettingsPage from '../src/packages/matters/pages/settings/index';
import MatterTypesPage, { checkNewType } from '../src/packages/matters/pages/types/index';
import {
  authorizationState,
  disabledDefaults,
  newTypeCode,
  obligationsSummary,
  policyField,
  quarterText,
  typeConfigOf,
  typesSummary,
} from '../src/packages/matters/utils/settings';
import { saveTokens } from '../src/services/session';
import { makeMe } from './factories/me';
import { renderPage, routeRequests } from './render';

beforeEach(() => {
  taro.resetTaroMock();
});

function signIn(roles: ReturnType<typeof makeMe>['roles']) {
  saveTokens({ accessToken: 'access-1', refreshToken: 'refresh-1' });
  return makeMe({ roles });
}

function view(code: string, over: Partial<MatterTypeView> = {}): MatterTypeView {
  const d = DEFAULT_MATTER_TYPES.find((t) => t.code === code);
  const base = d ?? { code, label: code, description: '', legalBasis: null, statutory: false, decisionMode: 'either' as const, override: null };
  return { ...base, decisionModeLabel: DECISION_MODE_LABELS[base.decisionMode], ruleLabels: ['村民会议：过半数'], ...over };
}

const defaults = (): MatterTypeView[] => DEFAULT_MATTER_TYPES.map((t) => view(t.code));

function obligation(over: Partial<ConveningObligationView> = {}): ConveningObligationView {
  return {
    id: 'ob-1',
    body: 'villager_assembly',
    bodyLabel: '村民会议',
    subject: '讨论修路筹资',
    source: 'petition',
    petitionedOn: '2026-10-01',
    checks: [],
    explanation: '应当召集村民会议：提议村民 31/300（10%），达到十分之一',
    dueBy: '2026-10-31',
    status: 'overdue',
    statusText: '已逾期 25 天（应在 10月31日 前召开）',
    metByMeetingId: null,
    legalBasis: '《村民委员会组织法》第二十一条',
    ...over,
  };
}

describe('helpers', () => {
  it('rebuilds the configuration from the merged list: own types and turned-off defaults', () => {
    const own = view('own_abc', { label: '农田水利', description: '水渠', decisionMode: 'either' });
    const list = [...defaults().filter((t) => t.code !== 'general'), own];
    expect(disabledDefaults(list)).toEqual(['general']);
    expect(typeConfigOf(list)).toEqual({ extras: [{ code: 'own_abc', label: '农田水利', description: '水渠', decisionMode: 'either', override: null }], disabled: ['general'] });
    expect(typesSummary(list)).toBe('法定 11 类，本村自设 1 类');
    expect(typesSummary(defaults())).toBe('法定 11 类，本村还没有自设类型');
    expect(newTypeCode(0)).toBe('own_0');
    expect(newTypeCode(0, ['own_0'])).toBe('own_1');
    expect(/^[a-z][a-z0-9_]{1,39}$/.test(newTypeCode())).toBe(true);
  });

  it('says overdue obligations with ⚠ and words, not colour alone', () => {
    expect(obligationsSummary([obligation(), obligation({ id: 'ob-2', status: 'open' })])).toEqual({ text: '⚠ 召集义务：1 项逾期', warn: true });
    expect(obligationsSummary([obligation({ status: 'open' })])).toEqual({ text: '召集义务：1 项待召开', warn: false });
    expect(obligationsSummary([obligation({ status: 'met' })]).text).toBe('✓ 没有待召开的会议');
  });

  it('names an authorization 有效 / 已到期 / 已撤销', () => {
    const a: AssemblyAuthorizationView = { id: 'a', grantedBy: { meetingId: 'm', matterId: 'x', matterTitle: '授权' }, grantedOn: '2026-01-05', types: [], expiresOn: null, revokedOn: null, inForce: true };
    expect(authorizationState(a, '2026-11-25')).toBe('in_force');
    expect(authorizationState({ ...a, inForce: false, expiresOn: '2026-06-30' }, '2026-11-25')).toBe('expired');
    expect(authorizationState({ ...a, inForce: false, revokedOn: '2026-09-01' }, '2026-11-25')).toBe('revoked');
  });

  it('places policy problems beside their field and reads quarters in words', () => {
    expect(policyField('公示期应为 7–90 天')).toBe('disclosureDays');
    expect(policyField('村民会议至少提前 10 天通知（《村民委员会组织法》第二十一条），不能设为 7 天')).toBe('villager_assembly');
    expect(policyField('村民代表会议的提前通知天数应为 0–60 天')).toBe('representative_assembly');
    expect(quarterText('2026-Q3')).toBe('2026年第三季度');
    const form = policyFormOf(DEFAULT_WORKFLOW_POLICY);
    expect(readPolicyForm(form).policy).toEqual(DEFAULT_WORKFLOW_POLICY);
    const bad = readPolicyForm({ ...form, disclosureDays: '5', lead: { ...form.lead, villager_assembly: '7', party_assembly: '三' } });
    expect(bad.policy).toBeNull();
    expect(bad.errors.party_assembly).toBe('请填写整天数，例如 7');
  });

  it('checks the forms before asking the server', () => {
    expect(checkNewType({ label: '', description: '', decisionMode: null, override: null }, defaults())).toEqual({ label: '请填写类型名称', decisionMode: '请选择由谁决定' });
    expect(checkNewType({ label: '误工补贴', description: '', decisionMode: 'either', override: null }, defaults()).label).toBe('已经有“误工补贴”这个类型了，请换个名称');
    const petition = { body: 'representative_assembly' as const, petitionedOn: '2026-11-20', subject: ' ', adults: [{ id: 'p', name: '甲' }], reps: [], photos: [] };
    expect(checkPetition(petition)).toEqual({ subject: '请填写提议讨论什么事', signers: '请至少选一位签名的人' });
    const t = (id: string, village: string, status: ConveningObligationView['status']) => ({ ...obligation({ id, status }), village: { id: village, name: village } }) as TownshipConveningObligationView;
    expect(groupByVillage([t('1', '甲村', 'open'), t('2', '乙村', 'overdue'), t('3', '甲村', 'met')]).map((g) => [g.name, g.overdue, g.items.length])).toEqual([
      ['乙村', 1, 1],
      ['甲村', 0, 2],
    ]);
  });
});

/** Built-in categories, 集体经济 switched off. */
function proposalSettings(): ProposalSettings {
  return {
    replyDays: 10,
    categories: DEFAULT_PROPOSAL_CATEGORIES.map((c) => ({ code: c.code, label: c.label, builtin: true, enabled: c.code !== 'collective_economy' })),
  };
}

describe('村民提议的设置', () => {
  it('reads whole reply days within 1–60 and adds a category with a made-up code', () => {
    const form = { replyDays: '10', categories: proposalSettings().categories, newLabel: '' };
    expect(readProposalSettings(form)).toEqual({ settings: { replyDays: 10, categories: form.categories }, problem: null });
    expect(readProposalSettings({ ...form, replyDays: '90' })).toEqual({ settings: null, problem: '答复期限应为 1–60 天' });
    expect(readProposalSettings({ ...form, replyDays: '十' }).problem).toBe('请填写整天数，例如 7');
    expect(withNewCategory({ ...form, newLabel: ' ' }).problem).toBe('请填写新增一个类别');
    expect(withNewCategory({ ...form, newLabel: '道路' }).problem).toBe('已经有“道路”这个类别了');
    const added = withNewCategory({ ...form, newLabel: '卫生保洁' }, 36 ** 3).form;
    expect(added.categories.at(-1)).toEqual({ code: 'own_1000', label: '卫生保洁', builtin: false, enabled: true });
    expect(added.newLabel).toBe('');
  });
});

describe('议事设置 pages', () => {
  it('the hub sums up each setting in one line, the overdue meeting in words', async () => {
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: signIn(['villager', 'secretary']) },
      'GET /api/matter-types': { statusCode: 200, data: [...defaults(), view('own_x', { label: '农田水利' })] },
      'GET /api/matter-policy': { statusCode: 200, data: DEFAULT_WORKFLOW_POLICY },
      'GET /api/assembly-authorizations': { statusCode: 200, data: [] },
      'GET /api/convening-obligations': { statusCode: 200, data: [obligation()] },
      'GET /api/proposal-settings': { statusCode: 200, data: proposalSettings() },
    });
    renderPage(<MatterSettingsPage />);
    await waitFor(() => expect(screen.getByTestId('settings-obligations-summary').textContent).toBe('⚠ 召集义务：1 项逾期'));
    expect(screen.getByTestId('settings-types-summary').textContent).toBe('法定 11 类，本村自设 1 类');
    expect(screen.getByTestId('settings-policy-summary').textContent).toBe('公示 7 天，村民会议提前 10 天通知');
    expect(screen.getByTestId('settings-authorizations-summary').textContent).toBe('现在没有有效的授权');
    expect(screen.getByTestId('settings-proposals-summary').textContent).toBe('10 天内答复，5 个类别');
    expect(screen.queryByTestId('settings-readonly')).toBeNull();
    fireEvent.click(screen.getByTestId('settings-types'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/matters/pages/types/index' });
  });

  it('adds a village type with one PUT of the whole configuration; a server problem shows beside the name', async () => {
    const sent: unknown[] = [];
    let refuse = true;
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: signIn(['villager', 'village_committee']) },
      'GET /api/matter-types': { statusCode: 200, data: defaults() },
      'PUT /api/matter-types': (req) => {
        sent.push(req.data);
        const body = req.data as { extras: Array<{ code: string; label: string }> };
        if (refuse) {
          refuse = false;
          return { statusCode: 400, data: { code: 'MATTER_TYPES_INVALID', message: '类型名称不能为空，最多 20 个字', correlationId: 'c1', details: { problems: [{ code: 'invalid_label', typeCode: body.extras[0].code, message: '类型名称不能为空，最多 20 个字' }] } } };
        }
        return { statusCode: 200, data: [...defaults(), view(body.extras[0].code, { label: body.extras[0].label })] };
      },
    });
    renderPage(<MatterTypesPage />);
    await screen.findByTestId('types-statutory');
    expect(screen.getByTestId('types-statutory-why').textContent).toContain('第二十四条');
    expect(screen.queryByTestId('types-disable-lost_work_subsidy')).toBeNull();
    fireEvent.click(screen.getByTestId('types-add-open'));
    fireEvent.click(screen.getByTestId('types-add-submit'));
    expect(screen.getByTestId('types-add-name-error').textContent).toBe('请填写类型名称');
    fireEvent.input(screen.getByTestId('types-add-name').querySelector('input') as Element, { target: { value: '农田水利' }, detail: { value: '农田水利' } });
    fireEvent.click(screen.getByTestId('types-add-mode-either'));
    fireEvent.click(screen.getByTestId('types-add-submit'));
    fireEvent.click(await screen.findByText('确认添加'));
    expect((await screen.findByTestId('types-add-name-error')).textContent).toBe('类型名称不能为空，最多 20 个字');
    expect(sent[0]).toMatchObject({ disabled: [], extras: [{ label: '农田水利', decisionMode: 'either', override: null }] });
    fireEvent.click(screen.getByTestId('types-add-submit'));
    fireEvent.click(await screen.findByText('确认添加'));
    expect((await screen.findByTestId('types-saved')).textContent).toContain('已保存');
    expect(screen.getByTestId('types-others').textContent).toContain('农田水利');
  });

  it('a supervisor reads the 议事流程 as lines, with no form', async () => {
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: signIn(['villager', 'supervisor']) },
      'GET /api/matter-policy': { statusCode: 200, data: { ...DEFAULT_WORKFLOW_POLICY, disclosureDays: 10 } },
    });
    renderPage(<MatterPolicyPage />);
    expect((await screen.findByTestId('policy-disclosure')).textContent).toContain('10 天');
    expect(screen.getByTestId('settings-readonly').textContent).toContain('只有书记和村委会委员可以修改');
    expect(screen.queryByTestId('policy-save')).toBeNull();
  });
});
