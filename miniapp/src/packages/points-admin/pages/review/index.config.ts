import { messages } from '../../../../constants/messages';

export default definePageConfig({
  navigationBarTitleText: messages.pointsAdmin.review.title,
});
