/**
 * Every piece of text the mini-program shows, in plain spoken Chinese (zh-CN).
 * Rules (UX.md): short sentences, the same word for the same thing everywhere, every error
 * says what happened and what to do next. Pages import from here; nothing is written inline.
 */
export const messages = {
  app: {
    name: '村民议事',
  },
  tabs: {
    home: '首页',
    notices: '公开',
    council: '议事',
    points: '积分',
    mine: '我的',
  },
  common: {
    loading: '正在加载…',
    retry: '重试',
    comingSoon: '即将开放',
    back: '返回',
    home: '首页',
  },
  network: {
    offline: '网络不好，没有连上服务器。请稍后再试。',
    timeout: '服务器太久没有回应。请稍后再试。',
    serverBusy: '服务器暂时出了问题。请稍后再试。',
    badResponse: '服务器的回答看不懂。请稍后再试，或者联系村委会。',
    errorTitle: '没有加载出来',
    errorRef: (id: string) => `出错编号 ${id}`,
  },
  careMode: {
    label: '长辈版',
    aliases: '也叫关怀版、大字版',
    onHint: '字和按钮已经变大',
    offHint: '点这里，字和按钮都变大',
    explanation: [
      '打开长辈版后，所有页面的字会变大，按钮也会变大，更容易看清、更容易点。',
      '这个设置只保存在这部手机上，随时可以关掉。',
      '如果您在微信里把字体调大了，我们会自动打开长辈版。',
    ],
    switchOn: '已打开',
    switchOff: '已关闭',
  },
  home: {
    title: '首页',
    township: (county: string, township: string) => `${county}${township}`,
    councilChannel: (name: string) => `村民议事群：${name}`,
    councilChannelMissing: '村民议事群还没有绑定',
    totals: (households: number, residents: number) => `全村 ${households} 户 ${residents} 人`,
    adults: (n: number) => `其中成年人 ${n} 人`,
    partyMembers: (n: number) => `党员 ${n} 名`,
    villagerReps: (n: number) => `村民代表 ${n} 名`,
    supervisors: (n: number) => `村务监督委员 ${n} 名`,
    gridsTitle: (n: number) => `${n} 个网格`,
    gridLine: (households: number) => `${households} 户`,
    gridLeader: (name: string | null) => (name ? `网格员 ${name}` : '网格员 暂缺'),
    groupsTitle: (n: number) => `${n} 个村民小组`,
    todoTitle: '待我办',
    todoEmpty: '登录以后，这里会列出要您办的事：要投的票、没看的公告、对您提议的回复。',
    displaySettings: '显示设置',
    displaySettingsHint: '调大字号',
  },
  notices: {
    title: '村务公开',
    heading: '村务公开',
    body: '村务公开（党务、村务、财务）和阅读情况，即将开放。',
    detail: '开放以后，您可以在这里看村里公布的事情，看有多少户已经看过，也可以提出疑问。',
  },
  council: {
    title: '村民议事',
    heading: '议事',
    body: '村里大事的商量和表决，即将开放。',
    detail: '开放以后，您可以在这里看每件大事走到哪一步（四议两公开），在网上投票，也可以提出自己的建议。',
  },
  points: {
    title: '积分',
    heading: '积分',
    body: '家庭积分和积分超市，即将开放。',
    detail: '开放以后，您可以在这里看自家的积分、村里公布的积分名单，用积分换东西。',
  },
  mine: {
    title: '我的',
    heading: '我的',
    notLoggedIn: '还没有登录。登录功能即将开放。',
    displaySettings: '显示设置',
    displaySettingsHint: '长辈版、字号',
  },
  display: {
    title: '显示设置',
    heading: '显示设置',
    sample: '示例：本村村民会议将于11月25日上午9点在村委会召开。',
    sampleTitle: '字号预览',
  },
} as const;

export type Messages = typeof messages;
