import { messages } from './constants/messages';

/**
 * Pages and tab bar. The five tab pages live in the main package and stay light; everything else
 * goes into area sub-packages under src/packages/<area>/pages/... so the weapp main package stays
 * far below WeChat's 2 MB limit.
 */
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/notices/index', 'pages/council/index', 'pages/points/index', 'pages/mine/index'],
  subPackages: [
    {
      root: 'packages/settings',
      name: 'settings',
      pages: ['pages/display/index'],
    },
    {
      // 登录, 隐私说明, 绑定村民身份, 申请更正我的信息
      root: 'packages/account',
      name: 'account',
      pages: ['pages/login/index', 'pages/bind/index', 'pages/privacy/index', 'pages/correction/index'],
    },
    {
      // 户籍名册 for the committee (and read-only for 监委会 and 网格员)
      root: 'packages/roster',
      name: 'roster',
      pages: [
        'pages/households/index',
        'pages/household/index',
        'pages/resident/index',
        'pages/import/index',
        'pages/binding-code/index',
        'pages/grids/index',
        'pages/composition/index',
        'pages/corrections/index',
      ],
    },
    {
      // 审计记录 for 监委会, 书记 and 村委会: browse, verify the chain, 签名存证, export
      root: 'packages/audit',
      name: 'audit',
      pages: ['pages/log/index', 'pages/event/index', 'pages/checkpoints/index'],
    },
    {
      // 村务公开: a notice (read, ask, sign off, act), write/edit/correct, 知晓率, 审核队列, 询问
      root: 'packages/notices',
      name: 'notices',
      pages: ['pages/detail/index', 'pages/compose/index', 'pages/awareness/index', 'pages/signoff/index', 'pages/queries/index'],
    },
    {
      // 表决: a ballot (vote, receipt), its result (ring, bars, receipts), the committee's form,
      // the electorate with in-person attendance, and the paper count (计票人 / 监票人)
      root: 'packages/ballots',
      name: 'ballots',
      pages: ['pages/detail/index', 'pages/result/index', 'pages/edit/index', 'pages/electorate/index', 'pages/paper/index', 'pages/votes/index'],
    },
    {
      // 村里大事（四议两公开）: a matter with its stepper and records, 提出/修改方案, 登记会议,
      // and the one-form acts (异议, 监督意见, 退回, 实施…)
      root: 'packages/matters',
      name: 'matters',
      // 登记计票 (count); 议事设置: the hub, 事项类型, 议事流程, 村民会议授权, 召集义务
      pages: [
        'pages/detail/index',
        'pages/edit/index',
        'pages/meeting/index',
        'pages/act/index',
        'pages/count/index',
        'pages/settings/index',
        'pages/types/index',
        'pages/policy/index',
        'pages/authorizations/index',
        'pages/obligations/index',
        'pages/proposals/index',
      ],
    },
    {
      // 村民提议: 我要提议, a proposal (附议, 分享, the six steps, replies), the 两委's one-form acts
      // and triage queue, and the township's oversight of its villages
      root: 'packages/proposals',
      name: 'proposals',
      pages: ['pages/detail/index', 'pages/create/index', 'pages/act/index', 'pages/queue/index', 'pages/oversight/index'],
    },
    {
      // 积分 for every household: history with appeals, ranking, 红黑榜, 积分超市 and my orders (QR),
      // and the one record form (网格员 实时记录, 群众申报)
      root: 'packages/points',
      name: 'points',
      pages: ['pages/history/index', 'pages/appeal/index', 'pages/ranking/index', 'pages/board/index', 'pages/shop/index', 'pages/orders/index', 'pages/record/index'],
    },
    {
      // 积分 for those who run it: 评议小组 (monthly review, appeals), 党组织 (季度公示, 红黑榜),
      // 积分超市 (hand-over by scan, products), 两委 (积分细则: edit, import, adopt; settings)
      root: 'packages/points-admin',
      name: 'pointsAdmin',
      pages: ['pages/review/index', 'pages/appeals/index', 'pages/publish/index', 'pages/handover/index', 'pages/products/index', 'pages/rules/index', 'pages/rule/index', 'pages/settings/index'],
    },
  ],
  // 我的 and 首页 lead to login and binding: fetch that small sub-package while the person reads.
  preloadRule: {
    'pages/mine/index': { network: 'all', packages: ['account'] },
    // From 公开 the next tap is almost always a notice.
    'pages/notices/index': { network: 'all', packages: ['notices'] },
    // From 议事 the next tap is a ballot, a matter or a proposal.
    'pages/council/index': { network: 'all', packages: ['ballots', 'matters', 'proposals'] },
    // From 积分 the next tap is the household's history or the 积分超市.
    'pages/points/index': { network: 'all', packages: ['points'] },
  },
  // WeChat's privacy check (wx.requirePrivacyAuthorize / agreePrivacyAuthorization): weapp only.
  ...(process.env.TARO_ENV === 'weapp' ? { __usePrivacyCheck__: true } : {}),
  window: {
    navigationBarTitleText: messages.app.name,
    navigationBarBackgroundColor: '#1E5AA8',
    navigationBarTextStyle: 'white',
    backgroundColor: '#F4F5F7',
    backgroundTextStyle: 'dark',
    // 'default' also turns on Taro's H5 navigation bar (title, back and home buttons).
    navigationStyle: 'default',
  },
  tabBar: {
    color: '#3D4047',
    selectedColor: '#1E5AA8',
    backgroundColor: '#FFFFFF',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: messages.tabs.home,
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/notices/index',
        text: messages.tabs.notices,
        iconPath: 'assets/tabbar/notices.png',
        selectedIconPath: 'assets/tabbar/notices-active.png',
      },
      {
        pagePath: 'pages/council/index',
        text: messages.tabs.council,
        iconPath: 'assets/tabbar/council.png',
        selectedIconPath: 'assets/tabbar/council-active.png',
      },
      {
        pagePath: 'pages/points/index',
        text: messages.tabs.points,
        iconPath: 'assets/tabbar/points.png',
        selectedIconPath: 'assets/tabbar/points-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: messages.tabs.mine,
        iconPath: 'assets/tabbar/mine.png',
        selectedIconPath: 'assets/tabbar/mine-active.png',
      },
    ],
  },
});
