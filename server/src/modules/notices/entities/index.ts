export { Notice, SIGNOFF_DECISIONS, type SignoffDecision } from './notice.entity';
export { NoticeAttachment } from './notice-attachment.entity';
export { NoticeInPerson } from './notice-in-person.entity';
export { NoticePolicyRow } from './notice-policy.entity';
export { NoticeQuery } from './notice-query.entity';
export { NoticeRead } from './notice-read.entity';
