export * from './topics';
export * from './envelope';
export * from './canonical-story';
export * from './enrichment';
export * from './editorial-overrides';
export * from './provenance';
export * from './story-ingested.v1';
export * from './story-enriched.v1';
