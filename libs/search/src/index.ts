export * from './stories-index';
export * from './search-document';
export * from './fold-text';
export * from './bulk-writer';
export * from './search-client';
export * from './story-query';
export * from './search.module';
