export * from './villages';
export * from './auth';
export * from './me';
export * from './bindings';
export * from './councilChannel';
export * from './roster';
