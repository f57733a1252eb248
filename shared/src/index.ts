export * from './constants/api';
export * from './constants/roles';
export * from './types/api-error';
export * from './types/village';
export * from './types/identity';
export * from './rules/age';
export * from './rules/date';
export * from './rules/share';
