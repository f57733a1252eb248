export * from './ballot.entity';
export * from './ballot-eligibility.entity';
export * from './ballot-open-vote.entity';
export * from './ballot-paper-count.entity';
export * from './ballot-participation.entity';
export * from './ballot-result.entity';
export * from './ballot-secret-choice.entity';
