import { messages } from '../../constants/messages';

export default definePageConfig({
  navigationBarTitleText: messages.points.title,
  // 下拉刷新 (usePullDownRefresh) reloads the household's standing.
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
