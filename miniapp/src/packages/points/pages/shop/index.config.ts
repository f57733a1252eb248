import { messages } from '../../../../constants/messages';

export default definePageConfig({
  navigationBarTitleText: messages.points.shopTitle,
});
