/** Page addresses used for navigation. Sub-package pages live under /packages/<area>/pages/. */
export const routes = {
  home: '/pages/index/index',
  notices: '/pages/notices/index',
  council: '/pages/council/index',
  points: '/pages/points/index',
  mine: '/pages/mine/index',
  displaySettings: '/packages/settings/pages/display/index',
} as const;
