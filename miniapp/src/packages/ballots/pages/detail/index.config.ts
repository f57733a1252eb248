import { messages } from '../../../../constants/messages';

export default definePageConfig({
  navigationBarTitleText: messages.ballots.detailTitle,
  // 转发 to the village group (useShareAppMessage, the share button).
  enableShareAppMessage: true,
});
