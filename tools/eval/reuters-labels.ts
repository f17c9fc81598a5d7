import type { Tag } from '@lib/contracts';
import { type Gazetteer, slugify } from '@lib/enrichment';

/**
 * Canonical place ids -> Reuters-21578 PLACES labels. Most follow from the country's common name;
 * these are the 1987 names and states (Soviet republics under "ussr", Yugoslav ones under
 * "yugoslavia", Germany as "west-germany").
 */
const PLACE_OVERRIDES: Record<string, string> = {
  us: 'usa',
  gb: 'uk',
  ae: 'uae',
  tr: 'turkey',
  ag: 'antigua',
  mm: 'burma',
  kh: 'kampuchea',
  mo: 'macao',
  sz: 'swaziland',
  tt: 'trinidad-tobago',
  vi: 'us-virgin-islands',
  vg: 'british-virgin-islands',
  va: 'vatican',
  ws: 'western-samoa',
  cg: 'congo',
  cd: 'zaire',
  zr: 'zaire',
  su: 'ussr',
  ru: 'ussr',
  ua: 'ussr',
  by: 'ussr',
  kz: 'ussr',
  uz: 'ussr',
  ge: 'ussr',
  am: 'ussr',
  az: 'ussr',
  lt: 'ussr',
  lv: 'ussr',
  ee: 'ussr',
  md: 'ussr',
  kg: 'ussr',
  tj: 'ussr',
  tm: 'ussr',
  de: 'west-germany',
  dd: 'east-germany',
  cs: 'czechoslovakia',
  cz: 'czechoslovakia',
  sk: 'czechoslovakia',
  yu: 'yugoslavia',
  rs: 'yugoslavia',
  hr: 'yugoslavia',
  si: 'yugoslavia',
  ba: 'yugoslavia',
  mk: 'yugoslavia',
  me: 'yugoslavia',
  'ye-north': 'yemen-arab-republic',
  ye: 'yemen-arab-republic',
  cw: 'netherlands-antilles',
  sx: 'netherlands-antilles',
  bq: 'netherlands-antilles',
};

/** Curated organisation ids -> Reuters ORGS labels (the corpus indexes international bodies only). */
const ORG_LABELS: Record<string, string> = {
  'org:european-community': 'ec',
  'org:european-union': 'ec',
  'org:european-commission': 'ec',
  'org:opec': 'opec',
  'org:oapec': 'oapec',
  'org:imf': 'imf',
  'org:world-bank': 'worldbank',
  'org:gatt': 'gatt',
  'org:oecd': 'oecd',
  'org:united-nations': 'un',
  'org:unctad': 'unctad',
  'org:fao': 'fao',
  'org:who': 'who',
  'org:iaea': 'iaea',
  'org:iea': 'iea',
  'org:ilo': 'ilo',
  'org:asean': 'asean',
  'org:gcc': 'gcc',
  'org:african-development-bank': 'adb-africa',
  'org:asian-development-bank': 'adb-asia',
  'org:bis': 'bis',
  'org:comecon': 'comecon',
  'org:efta': 'efta',
  'org:eib': 'eib',
  'org:ida': 'ida',
  'org:international-coffee-organization': 'ico-coffee',
  'org:international-cocoa-organization': 'icco',
  'org:international-tin-council': 'itc',
  'org:international-sugar-organization': 'isa',
  'org:international-wheat-council': 'iwc-wheat',
  'org:international-natural-rubber-organization': 'inro',
};

export interface LabelVocabularies {
  places: ReadonlySet<string>;
  people: ReadonlySet<string>;
  orgs: ReadonlySet<string>;
}

/** Maps tags onto Reuters label vocabularies; a tag with no counterpart maps to nothing (unjudgeable). */
export class ReutersLabelMapper {
  constructor(
    private readonly gazetteer: Gazetteer,
    private readonly vocab: LabelVocabularies,
  ) {}

  /** Country tags by code; city tags through their parent country; regions map to nothing. */
  place(tag: Tag): string | undefined {
    const countryId = tag.parentId ?? tag.id;
    const code = countryId.replace(/^place:/, '');
    if (code.includes(':')) return undefined;
    const label =
      PLACE_OVERRIDES[code] ?? slugify(this.gazetteer.entries.get(countryId)?.name ?? '');
    return this.vocab.places.has(label) ? label : undefined;
  }

  /** Reuters indexes people by surname or full name: try the full slug, then first+last, then last. */
  person(tag: Tag): string | undefined {
    const words = slugify(tag.name).split('-');
    const tries = [
      words.join('-'),
      `${words[0]}-${words[words.length - 1]}`,
      words[words.length - 1] ?? '',
    ];
    return tries.find((t) => this.vocab.people.has(t));
  }

  organisation(tag: Tag): string | undefined {
    const label = ORG_LABELS[tag.id] ?? tag.id.replace(/^org:/, '');
    return this.vocab.orgs.has(label) ? label : undefined;
  }

  /** Labels for all tags of one kind with confidence at or above the cut-off. */
  labels(
    tags: readonly Tag[],
    kind: 'place' | 'person' | 'organisation',
    minConfidence: number,
  ): Set<string> {
    const out = new Set<string>();
    for (const tag of tags) {
      if (tag.kind !== kind || tag.confidence < minConfidence) continue;
      const label =
        kind === 'place'
          ? this.place(tag)
          : kind === 'person'
            ? this.person(tag)
            : this.organisation(tag);
      if (label) out.add(label);
    }
    return out;
  }
}
