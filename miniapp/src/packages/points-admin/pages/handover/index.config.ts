import { messages } from '../../../../constants/messages';

export default definePageConfig({
  navigationBarTitleText: messages.pointsAdmin.handover.title,
});
