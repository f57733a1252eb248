export * from './council-channel.entity';
export * from './grid.entity';
export * from './household.entity';
export * from './resident.entity';
export * from './role-assignment.entity';
export * from './township.entity';
export * from './village-group.entity';
export * from './village.entity';
