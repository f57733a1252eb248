import { messages } from '../../../../constants/messages';

export default definePageConfig({
  navigationBarTitleText: messages.notices.detailTitle,
  // 转发 to the village group (useShareAppMessage).
  enableShareAppMessage: true,
});
