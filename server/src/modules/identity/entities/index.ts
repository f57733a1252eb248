export * from './account-binding.entity';
export * from './auth-session.entity';
export * from './binding-attempt.entity';
export * from './binding-code.entity';
export * from './wechat-account.entity';
export * from './township-staff.entity';
