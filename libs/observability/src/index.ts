export * from './readiness-check';
export * from './metrics';
export * from './observability.module';
export * from './correlation';
