import { randomUUID } from 'node:crypto';
import { addDays, chinaDay, type LoginResult, type Role } from '@village/shared';
import { createOtherVillage, OtherVillage } from '../factories/other-village';
import { loginAs } from '../support/auth';
import { RouteEntry, routeTable } from '../support/route-table';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Generated from the running app's route table: every route × every kind of caller, in the caller's
 * own village and against another village's records. A new route without an access declaration, or
 * with a path parameter this file cannot fill, fails here.
 */
const PERSONAS = ['new', 'villager', 'household_rep', 'grid_leader', 'committee', 'secretary', 'supervisor', 'points_reviewer', 'shopkeeper', 'township'] as const;

/**
 * Public routes that authenticate the caller another way — WeChat's 消息推送 signature in the query —
 * and so answer 401 to anyone without it, with or without a bearer token.
 */
const SIGNED_BY_WECHAT = new Set(['GET /api/wechat/push', 'POST /api/wechat/push']);

/** Requests that end the caller's own session: the persona signs in again afterwards. */
const ENDS_SESSION = new Set(['POST /api/auth/logout']);

interface Ids {
  own: Record<string, string>;
  foreign: Record<string, string>;
}

describe('authorization matrix (SQLite)', () => {
  let t: TestApp;
  let other: OtherVillage;
  let routes: RouteEntry[];
  const logins = new Map<string, LoginResult>();
  let ids: Ids;

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    other = await createOtherVillage(t.dataSource);
    routes = routeTable(t.app);
    for (const persona of PERSONAS) logins.set(persona, await loginAs(t, persona));
    const [resident] = await t.dataSource.query(
      "SELECT id, household_id FROM resident WHERE village_id <> ? AND relation_to_head = '户主' ORDER BY id LIMIT 1",
      [other.villageId],
    );
    const [grid] = await t.dataSource.query('SELECT id FROM grid WHERE village_id <> ? ORDER BY id LIMIT 1', [other.villageId]);
    const [ownVillage] = await t.dataSource.query('SELECT id FROM village WHERE id <> ?', [other.villageId]);
    const [foreignGrid] = await t.dataSource.query('SELECT id FROM grid WHERE village_id = ?', [other.villageId]);
    const [assignment] = await t.dataSource.query(
      "SELECT id FROM role_assignment WHERE village_id <> ? AND role = 'supervisor' ORDER BY id LIMIT 1",
      [other.villageId],
    );
    // A draft notice with an attachment: its signed link fills the public file route.
    const draft = await t.http
      .post('/api/notices')
      .set('authorization', `Bearer ${logins.get('secretary')?.accessToken}`)
      .send({ kind: 'village', title: '授权矩阵用的公开', body: '正文', window: { startsOn: chinaDay(new Date()), endsOn: addDays(chinaDay(new Date()), 6) } });
    const attachment = await t.http
      .post(`/api/notices/${draft.body.id}/attachments`)
      .set('authorization', `Bearer ${logins.get('secretary')?.accessToken}`)
      .attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), 'matrix.pdf');
    if (attachment.status !== 201) throw new Error(`matrix fixture: attachment upload failed ${attachment.status}`);
    const fileUrl = new URL(attachment.body.url as string, 'http://server');
    const foreignAssignmentId = randomUUID();
    await t.dataSource.query(
      "INSERT INTO role_assignment (id, village_id, resident_id, role, started_on) VALUES (?, ?, ?, 'supervisor', '2024-12-20')",
      [foreignAssignmentId, other.villageId, other.residentId],
    );
    // Voting: a seeded open ballot of the demo village, and one of the other village.
    const [ownBallot] = await t.dataSource.query("SELECT id FROM ballot WHERE village_id <> ? AND status = 'open' ORDER BY id LIMIT 1", [other.villageId]);
    const foreignBallotId = randomUUID();
    await t.dataSource.query(
      "INSERT INTO ballot (id, village_id, title, description, electorate, decision_body, secrecy, choice_kind, choices_json, max_selections, opens_at, closes_at, status, created_by_resident_id, created_at, updated_at, version, eligible_count) VALUES (?, ?, '邻村的表决', '', 'households', 'villager_assembly', 'open', 'motion', '[]', 1, '2020-01-01 00:00:00', '2099-01-01 00:00:00', 'open', ?, '2020-01-01 00:00:00', '2020-01-01 00:00:00', 1, 1)",
      [foreignBallotId, other.villageId, other.residentId],
    );
    // Matters: one of the demo village (its meetings, objections and opinions do not exist yet: 404 is fine).
    const matter = await t.http
      .post('/api/matters')
      .set('authorization', `Bearer ${logins.get('secretary')?.accessToken}`)
      .send({ typeCode: 'general', title: '授权矩阵用的事项', body: '正文' });
    if (matter.status !== 201) throw new Error(`matrix fixture: matter create failed ${matter.status}`);
    // Proposals: one of the demo village, raised by a villager.
    const proposal = await t.http
      .post('/api/proposals')
      .set('authorization', `Bearer ${logins.get('villager')?.accessToken}`)
      .send({ title: '授权矩阵用的提议', body: '授权矩阵用的提议正文', categoryCode: 'other', photoIds: [] });
    if (proposal.status !== 201) throw new Error(`matrix fixture: proposal create failed ${proposal.status}`);
    // Points: the demo village's seeded rule book, a record with its open appeal, the 红黑榜, a product
    // and the ready order (of a household none of the personas belongs to).
    const points = async (sql: string): Promise<string> => {
      const [row] = await t.dataSource.query(sql, [other.villageId]);
      if (!row) throw new Error(`matrix fixture: nothing for ${sql}`);
      return row.id as string;
    };
    const pointsIds = {
      ruleBookId: await points("SELECT id FROM points_rule_book WHERE village_id <> ? AND status = 'adopted'"),
      appealId: await points("SELECT id FROM points_appeal WHERE village_id <> ? AND status = 'open' ORDER BY id LIMIT 1"),
      recordId: await points("SELECT record_id AS id FROM points_appeal WHERE village_id <> ? AND status = 'open' ORDER BY id LIMIT 1"),
      boardId: await points('SELECT id FROM points_board WHERE village_id <> ? ORDER BY quarter DESC LIMIT 1'),
      productId: await points('SELECT id FROM points_product WHERE village_id <> ? ORDER BY id LIMIT 1'),
      redemptionId: await points("SELECT id FROM points_redemption WHERE village_id <> ? AND status = 'ready' ORDER BY id LIMIT 1"),
    };
    ids = {
      own: {
        residentId: resident.id,
        householdId: resident.household_id,
        gridId: grid.id,
        villageId: ownVillage.id,
        id: resident.id,
        seq: '1',
        assignmentId: assignment.id,
        ballotId: ownBallot.id,
        attachmentId: attachment.body.id,
        // The public file route takes its signature in the query string.
        fileId: `${fileUrl.pathname.split('/').pop()}${fileUrl.search}`,
        matterId: matter.body.id,
        meetingId: randomUUID(),
        objectionId: randomUUID(),
        opinionId: randomUUID(),
        authorizationId: randomUUID(),
        proposalId: proposal.body.id,
        ...pointsIds,
      },
      foreign: {
        residentId: other.residentId,
        householdId: other.householdId,
        gridId: foreignGrid.id,
        villageId: other.villageId,
        id: other.residentId,
        assignmentId: foreignAssignmentId,
        ballotId: foreignBallotId,
        attachmentId: randomUUID(),
        fileId: randomUUID(),
        matterId: randomUUID(),
        meetingId: randomUUID(),
        objectionId: randomUUID(),
        opinionId: randomUUID(),
        authorizationId: randomUUID(),
        proposalId: randomUUID(),
        ruleBookId: randomUUID(),
        appealId: randomUUID(),
        recordId: randomUUID(),
        boardId: randomUUID(),
        productId: randomUUID(),
        redemptionId: randomUUID(),
        // Sequence numbers are per village: one the caller's village does not have.
        seq: '999999',
      },
    };
  });
  afterAll(() => t.close());

  const fill = (path: string, values: Record<string, string>): string =>
    path.replace(/:(\w+)/g, (_, name: string) => {
      const value = values[name];
      if (!value) throw new Error(`authorization matrix: no fixture id for path parameter :${name} in ${path}`);
      return value;
    });

  const call = (route: RouteEntry, path: string, token?: string) => {
    const req = t.http[route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](path);
    if (token) req.set('authorization', `Bearer ${token}`);
    return route.method === 'GET' || route.method === 'DELETE' ? req : req.send({});
  };

  const allowed = (route: RouteEntry, roles: Role[] | null): boolean => {
    const rule = route.rule;
    if (!rule) return false;
    if (rule.kind === 'public') return true;
    if (roles === null) return false;
    if (rule.kind === 'signed_in') return true;
    return rule.roles.some((r) => roles.includes(r));
  };

  it('finds the routes, and every route declares who may call it', () => {
    expect(routes.length).toBeGreaterThanOrEqual(15);
    const undeclared = routes.filter((r) => !r.rule).map((r) => `${r.method} ${r.path} (${r.handler})`);
    expect(undeclared).toEqual([]);
  });

  it('answers every route × caller as declared, and never serves another village', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      const ownPath = fill(route.path, ids.own);
      const hasIds = route.path.includes(':');
      if (SIGNED_BY_WECHAT.has(key)) {
        for (const persona of [null, ...PERSONAS]) {
          const res = await call(route, ownPath, persona ? logins.get(persona)?.accessToken : undefined);
          if (res.status !== 401) failures.push(`${key} unsigned as ${persona ?? 'anonymous'} → ${res.status}`);
        }
        continue;
      }

      const anonymous = await call(route, ownPath);
      const anonymousAllowed = allowed(route, null);
      if (anonymousAllowed ? [401, 403].includes(anonymous.status) : anonymous.status !== 401) {
        failures.push(`${key} anonymous → ${anonymous.status}`);
      }

      for (const persona of PERSONAS) {
        const login = logins.get(persona) as LoginResult;
        const roles = login.me.roles;
        const res = await call(route, ownPath, login.accessToken);
        const ok = allowed(route, roles);
        if (ok ? [401, 403].includes(res.status) || res.status >= 500 : res.status !== 403) {
          failures.push(`${key} as ${persona} [${roles.join(',')}] → ${res.status} ${res.body?.code ?? ''}`);
        }
        if (ok && hasIds && route.rule?.kind === 'roles') {
          const foreign = await call(route, fill(route.path, ids.foreign), login.accessToken);
          if (foreign.status < 400 || ![400, 403, 404].includes(foreign.status)) {
            failures.push(`${key} as ${persona} on another village's record → ${foreign.status}`);
          }
        }
        if (ENDS_SESSION.has(key)) logins.set(persona, await loginAs(t, persona));
      }
    }
    expect(failures).toEqual([]);
  });
});
