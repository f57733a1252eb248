export * from './villages';
