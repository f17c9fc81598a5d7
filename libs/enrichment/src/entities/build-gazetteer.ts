import { foldKey, slugify } from '../text/normalise';
import { type Gazetteer, GazetteerBuilder, type GazetteerEntry } from './gazetteer';
import type { CityRecord, GazetteerSources } from './gazetteer-data';

/** Cities below this population are too many and too ambiguous for news tagging. */
const MIN_CITY_POPULATION = 100_000;
/** A city named like an ordinary word ("Mobile", "Split") is only tagged if it is this big or a capital. */
const MIN_POPULATION_FOR_WORDLIKE_CITY = 1_000_000;

export const countryId = (code: string): string => `place:${code.toLowerCase()}`;
export const cityId = (name: string, code: string): string =>
  `place:city:${slugify(name)}-${code.toLowerCase()}`;

function plural(demonym: string): string | undefined {
  return /(s|sh|ch|ese|i)$/i.test(demonym) ? undefined : `${demonym}s`;
}

function isWordlike(name: string, commonWords: ReadonlySet<string>): boolean {
  const key = foldKey(name);
  return !key.includes(' ') && commonWords.has(key);
}

function addCountries(builder: GazetteerBuilder, sources: GazetteerSources): void {
  const { places } = sources;
  for (const country of sources.countries) {
    const code = country.cca2.toLowerCase();
    const aliases = [
      country.name.official,
      ...country.altSpellings.filter((a) => a.length > 2 && !a.includes(',')),
      ...(places.countryAliases[code] ?? []),
    ];
    const name = places.displayNames[code] ?? country.name.common;
    builder.add({
      id: countryId(code),
      kind: 'place',
      placeType: 'country',
      name,
      aliases: [country.name.common, ...aliases],
    });
    const eng = country.demonyms['eng'];
    const demonyms = new Set(
      [eng?.m, eng?.f, ...(places.countryDemonyms[code] ?? [])].filter((d): d is string => !!d),
    );
    for (const demonym of demonyms) {
      builder.addHint(countryId(code), demonym);
      const many = plural(demonym);
      if (many) builder.addHint(countryId(code), many);
    }
  }
  for (const historical of places.historicalCountries) {
    builder.add({
      id: historical.id,
      kind: 'place',
      placeType: 'country',
      name: historical.name,
      aliases: historical.aliases,
    });
    for (const demonym of historical.demonyms) builder.addHint(historical.id, demonym);
  }
  for (const region of places.regions) {
    builder.add({
      id: region.id,
      kind: 'place',
      placeType: 'region',
      name: region.name,
      aliases: region.aliases,
    });
  }
  for (const sub of places.subdivisions) {
    builder.add({
      id: sub.id,
      kind: 'place',
      placeType: 'region',
      name: sub.name,
      aliases: sub.aliases,
      parentId: countryId(sub.country),
    });
    for (const alias of sub.datelineAliases) builder.addDatelineSurface(sub.id, alias);
  }
}

function keepCity(
  city: CityRecord,
  sources: GazetteerSources,
  ambiguous: ReadonlySet<string>,
): boolean {
  if (city.featureCode === 'PPLX' || city.featureCode === 'PPLH') return false;
  const isCapital = city.featureCode === 'PPLC';
  if (!isCapital && city.population < MIN_CITY_POPULATION) return false;
  if (ambiguous.has(foldKey(city.name))) return false;
  if (
    !isCapital &&
    city.population < MIN_POPULATION_FOR_WORDLIKE_CITY &&
    isWordlike(city.name, sources.commonWords)
  )
    return false;
  return true;
}

function addCities(builder: GazetteerBuilder, sources: GazetteerSources): void {
  const ambiguous = new Set(sources.places.ambiguousCityNames.map(foldKey));
  const exonyms = new Map<string, string>();
  for (const alias of sources.places.cityAliases) {
    if (alias.geonamesName)
      exonyms.set(`${foldKey(alias.geonamesName)}|${alias.country}`, alias.name);
  }
  for (const city of sources.cities) {
    const code = city.country.toLowerCase();
    if (!builder.has(countryId(code)) || !keepCity(city, sources, ambiguous)) continue;
    const english = exonyms.get(`${foldKey(city.name)}|${code}`);
    const name = english ?? city.name;
    builder.add({
      id: cityId(name, code),
      kind: 'place',
      placeType: 'city',
      name,
      aliases: english ? [city.name] : [],
      parentId: countryId(code),
      population: city.population,
      isCapital: city.featureCode === 'PPLC',
    });
  }
  for (const alias of sources.places.cityAliases) {
    const id = cityId(alias.name, alias.country);
    if (builder.has(id)) continue;
    builder.add({
      id,
      kind: 'place',
      placeType: 'city',
      name: alias.name,
      aliases: [],
      parentId: countryId(alias.country),
      population: alias.population ?? MIN_CITY_POPULATION,
      isCapital: alias.capital ?? false,
    });
  }
}

function addOrganisationsAndPeople(builder: GazetteerBuilder, sources: GazetteerSources): void {
  for (const org of sources.organisations.organisations) {
    builder.add({ id: org.id, kind: 'organisation', name: org.name, aliases: org.aliases });
  }
  for (const person of sources.people.people) {
    builder.add({
      id: `person:${slugify(person.name)}`,
      kind: 'person',
      name: person.name,
      aliases: person.aliases,
    });
  }
}

/** Builds the gazetteer from open country/city data plus the curated tables. Pure. */
export function buildGazetteer(sources: GazetteerSources): Gazetteer {
  const version = `countries+cities+places@${sources.places.version};orgs@${sources.organisations.version};people@${sources.people.version}`;
  const builder = new GazetteerBuilder(version);
  addCountries(builder, sources);
  addCities(builder, sources);
  addOrganisationsAndPeople(builder, sources);
  return builder.build();
}

export type { GazetteerEntry };
