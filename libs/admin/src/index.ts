export * from './job-reporter';
export * from './reindex';
export * from './dead-letter-filter';
export * from './replay-dead-letters';
export * from './admin-jobs';
export * from './api-key';
export * from './admin-key.guard';
export * from './parse-body';
