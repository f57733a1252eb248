import type { LoginResult, MatterDetail, RuleBookDetail, RuleBookInput } from '@village/shared';
import { addDays } from '@village/shared';
import { bearer } from './auth';
import { advanceMatter, advanceToAssembly, countedMeeting, today, type MatterCrew } from './matters';
import type { TestApp } from './test-app';

/** A small valid rule book: two rewards (one needing a photo) and a 负面清单 item. */
export function ruleBookInput(title = '测试村民积分细则'): RuleBookInput {
  return {
    title,
    items: [
      { code: 'A01', category: '社会服务', description: '参加村里组织的义务劳动一次', pointsTenths: 10, evidenceRequired: false },
      { code: 'A02', category: '社会服务', description: '见义勇为、抢险救灾', pointsTenths: 30, evidenceRequired: true },
      { code: 'B01', category: '环境卫生', description: '房前屋后干净整洁', pointsTenths: 4, evidenceRequired: false },
      { code: 'N01', category: '负面清单', description: '乱倒垃圾，经劝阻不改', pointsTenths: -50, evidenceRequired: true },
    ],
  };
}

export async function getMatter(t: TestApp, login: LoginResult, id: string): Promise<MatterDetail> {
  const res = await t.http.get(`/api/matters/${id}`).set(...bearer(login));
  if (res.status !== 200) throw new Error(`matter: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as MatterDetail;
}

/**
 * Takes a rule book's 村规民约 matter through 四议 with paper counts (一肩挑: the merged meeting), the
 * 村民会议 voting `passes` or not; returns the matter after the resolution (决议公示 or 否决).
 */
export async function resolveRuleBookMatter(t: TestApp, crew: MatterCrew, matterId: string, passes = true): Promise<MatterDetail> {
  const m = await advanceToAssembly(t, crew, await getMatter(t, crew.secretary, matterId));
  const counts = passes ? { for: 50, against: 5, abstain: 5 } : { for: 20, against: 38, abstain: 2 };
  const assembly = await countedMeeting(t, crew, m, { purpose: 'assembly_resolution', body: 'villager_assembly', electorate: 'households', noticeGivenOn: addDays(today(), -12), turnout: { eligible: 80, participated: 60 }, counts });
  return advanceMatter(t, crew.secretary, m, { type: 'record_assembly_resolution', meetingId: assembly });
}

/**
 * A rule book adopted the honest way: a draft by the secretary, proposed as a 村规民约 matter, and that
 * matter resolved by the 村民会议. Returns the adopted book.
 */
export async function adoptRuleBook(t: TestApp, crew: MatterCrew, input: RuleBookInput = ruleBookInput()): Promise<RuleBookDetail> {
  const created = await t.http.post('/api/points/rule-books').set(...bearer(crew.secretary)).send(input);
  if (created.status !== 201) throw new Error(`rule book: ${created.status} ${JSON.stringify(created.body)}`);
  const proposed = await t.http.post(`/api/points/rule-books/${created.body.id}/propose`).set(...bearer(crew.secretary)).send({ body: '提请村民会议表决本村村民积分细则。' });
  if (proposed.status !== 200) throw new Error(`propose: ${proposed.status} ${JSON.stringify(proposed.body)}`);
  await resolveRuleBookMatter(t, crew, (proposed.body as RuleBookDetail).adoptingMatter?.id as string);
  const adopted = await t.http.get(`/api/points/rule-books/${created.body.id}`).set(...bearer(crew.secretary));
  if (adopted.body.status !== 'adopted') throw new Error(`rule book not adopted: ${JSON.stringify(adopted.body)}`);
  return adopted.body as RuleBookDetail;
}
