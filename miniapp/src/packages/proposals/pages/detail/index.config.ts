import { messages } from '../../../../constants/messages';

export default definePageConfig({
  navigationBarTitleText: messages.proposals.detailTitle,
  enablePullDownRefresh: true,
  // 分享到村民群 (useShareAppMessage, the share button).
  enableShareAppMessage: true,
});
