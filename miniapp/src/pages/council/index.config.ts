import { messages } from '../../constants/messages';

export default definePageConfig({
  navigationBarTitleText: messages.council.title,
  // 下拉刷新 (usePullDownRefresh) and more closed ballots near the bottom (useReachBottom).
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
});
