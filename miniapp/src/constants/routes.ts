/** Page addresses used for navigation. Sub-package pages live under /packages/<area>/pages/. */
export const routes = {
  home: '/pages/index/index',
  notices: '/pages/notices/index',
  council: '/pages/council/index',
  points: '/pages/points/index',
  mine: '/pages/mine/index',
  displaySettings: '/packages/settings/pages/display/index',
  login: '/packages/account/pages/login/index',
  bind: '/packages/account/pages/bind/index',
  privacy: '/packages/account/pages/privacy/index',
  correction: '/packages/account/pages/correction/index',
  rosterHouseholds: '/packages/roster/pages/households/index',
  rosterHousehold: '/packages/roster/pages/household/index',
  rosterResident: '/packages/roster/pages/resident/index',
  rosterImport: '/packages/roster/pages/import/index',
  rosterBindingCode: '/packages/roster/pages/binding-code/index',
  rosterGrids: '/packages/roster/pages/grids/index',
  rosterComposition: '/packages/roster/pages/composition/index',
  rosterCorrections: '/packages/roster/pages/corrections/index',
  auditLog: '/packages/audit/pages/log/index',
  auditEvent: '/packages/audit/pages/event/index',
  auditCheckpoints: '/packages/audit/pages/checkpoints/index',
  noticeDetail: '/packages/notices/pages/detail/index',
  noticeCompose: '/packages/notices/pages/compose/index',
  noticeAwareness: '/packages/notices/pages/awareness/index',
  noticeSignoff: '/packages/notices/pages/signoff/index',
  noticeQueries: '/packages/notices/pages/queries/index',
  ballotDetail: '/packages/ballots/pages/detail/index',
  ballotResult: '/packages/ballots/pages/result/index',
  ballotEdit: '/packages/ballots/pages/edit/index',
  ballotElectorate: '/packages/ballots/pages/electorate/index',
  ballotVotes: '/packages/ballots/pages/votes/index',
  ballotPaper: '/packages/ballots/pages/paper/index',
  matterDetail: '/packages/matters/pages/detail/index',
  matterEdit: '/packages/matters/pages/edit/index',
  matterMeeting: '/packages/matters/pages/meeting/index',
  matterAct: '/packages/matters/pages/act/index',
  matterCount: '/packages/matters/pages/count/index',
  matterSettings: '/packages/matters/pages/settings/index',
  matterTypes: '/packages/matters/pages/types/index',
  matterPolicy: '/packages/matters/pages/policy/index',
  matterAuthorizations: '/packages/matters/pages/authorizations/index',
  matterObligations: '/packages/matters/pages/obligations/index',
  matterProposalSettings: '/packages/matters/pages/proposals/index',
  proposalDetail: '/packages/proposals/pages/detail/index',
  proposalCreate: '/packages/proposals/pages/create/index',
  proposalQueue: '/packages/proposals/pages/queue/index',
  proposalAct: '/packages/proposals/pages/act/index',
  townshipOversight: '/packages/proposals/pages/oversight/index',
} as const;

/** The tab pages: reached with Taro.switchTab, never navigateTo. */
export const TAB_ROUTES: readonly string[] = [routes.home, routes.notices, routes.council, routes.points, routes.mine];

/** A page address with its query, leaving out empty values. */
export function withQuery(url: string, query: Record<string, string | number | null | undefined>): string {
  const parts = Object.entries(query)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length > 0 ? `${url}?${parts.join('&')}` : url;
}
