import { messages } from '../../constants/messages';

export default definePageConfig({
  navigationBarTitleText: messages.notices.title,
  // 下拉刷新 (usePullDownRefresh) and the next page when the villager nears the bottom (useReachBottom).
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
});
