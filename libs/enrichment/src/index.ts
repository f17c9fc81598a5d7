export * from './entities/extract-entities';
export * from './entities/load-gazetteer';
export * from './entities/build-gazetteer';
export type { Gazetteer, GazetteerEntry, EntityKind, PlaceType } from './entities/gazetteer';
export type { NameLexicon } from './entities/name-lexicon';
export * from './text/story-text';
export { DEFAULT_DATA_DIR } from './data-dir';
