import type { RelatedLink, StoryEnrichedV1Payload, Tag, TagKind } from '@lib/contracts';

const HOUR = 3_600_000;

export function hoursAgo(hours: number, now = Date.now()): string {
  return new Date(now - hours * HOUR).toISOString();
}

export function tag(id: string, name: string, aliases: string[] = []): Tag {
  const kind = KIND_OF_PREFIX[id.split(':')[0]];
  if (!kind) throw new Error(`no tag kind for ${id}`);
  return {
    id,
    kind,
    name,
    aliases,
    confidence: 0.9,
    provenance: { method: 'gazetteer', fromProvider: false },
  };
}

const KIND_OF_PREFIX: Record<string, TagKind> = {
  person: 'person',
  org: 'organisation',
  place: 'place',
  topic: 'topic',
  subject: 'subject',
};

export interface WireStoryInput {
  uri: string;
  version?: number;
  headline: string;
  body: string;
  description?: string;
  byline?: string;
  located?: string;
  source: string;
  provider: string;
  language?: string;
  versioncreated: string;
  firstcreated?: string;
  pubstatus?: 'usable' | 'withheld' | 'canceled';
  tags?: Tag[];
  cluster?: string;
  related?: RelatedLink[];
}

/** An enriched story as the indexer receives it. */
export function wireStory(input: WireStoryInput): StoryEnrichedV1Payload {
  return {
    story: {
      uri: input.uri,
      version: input.version ?? 1,
      firstcreated: input.firstcreated ?? input.versioncreated,
      versioncreated: input.versioncreated,
      pubstatus: input.pubstatus ?? 'usable',
      language: input.language ?? 'en',
      urgency: 4,
      headline: input.headline,
      ...(input.byline ? { byline: input.byline } : {}),
      ...(input.located ? { located: input.located } : {}),
      ...(input.description ? { description: input.description } : {}),
      body_text: input.body,
      body_html: input.body
        .split('\n\n')
        .map((p) => `<p>${p}</p>`)
        .join(''),
      subject: [],
      people: [],
      organisations: [],
      places: [],
      provider: input.provider,
      associations: [],
      links: [],
    },
    provenance: {
      source: input.source,
      format: 'ninjs',
      receivedAt: input.versioncreated,
      rawPayloadId: '00000000-0000-0000-0000-000000000000',
      transport: 'http',
    },
    enrichment: { tags: input.tags ?? [], cluster: input.cluster, related: input.related ?? [] },
  };
}

/** The same story as a later version with some fields changed. */
export function nextVersion(
  payload: StoryEnrichedV1Payload,
  changes: Partial<
    Pick<WireStoryInput, 'headline' | 'body' | 'pubstatus' | 'versioncreated' | 'description'>
  >,
): StoryEnrichedV1Payload {
  const story = payload.story;
  return {
    ...payload,
    story: {
      ...story,
      version: story.version + 1,
      versioncreated:
        changes.versioncreated ?? new Date(Date.parse(story.versioncreated) + 60_000).toISOString(),
      ...(changes.headline ? { headline: changes.headline } : {}),
      ...(changes.description ? { description: changes.description } : {}),
      ...(changes.body ? { body_text: changes.body } : {}),
      ...(changes.pubstatus ? { pubstatus: changes.pubstatus } : {}),
    },
  };
}

export const TAGS = {
  erdogan: tag('person:recep-tayyip-erdogan', 'Recep Tayyip Erdoğan', ['Erdogan']),
  haftar: tag('person:khalifa-haftar', 'Khalifa Haftar'),
  putin: tag('person:vladimir-putin', 'Vladimir Putin'),
  turkey: tag('place:tr', 'Turkey'),
  libya: tag('place:ly', 'Libya'),
  russia: tag('place:ru', 'Russia'),
  saudi: tag('place:sa', 'Saudi Arabia'),
  germany: tag('place:de', 'Germany'),
  poland: tag('place:pl', 'Poland'),
  gna: tag('org:government-of-national-accord', 'Government of National Accord', ['GNA']),
  lna: tag('org:libyan-national-army', 'Libyan National Army', ['LNA']),
  opec: tag('org:opec', 'OPEC', ['Organization of the Petroleum Exporting Countries']),
  ecb: tag('org:european-central-bank', 'European Central Bank', ['ECB']),
  gazprom: tag('org:gazprom', 'Gazprom'),
  crude: tag('topic:crude', 'Crude oil'),
  diplomacy: tag('topic:diplomacy', 'Diplomacy'),
  conflict: tag('topic:conflict', 'Armed conflict'),
  rates: tag('topic:interest-rates', 'Interest rates'),
  energy: tag('topic:energy', 'Energy'),
  politics: tag('topic:politics', 'Politics'),
};

/**
 * A small newsroom day: one event covered by three wires (a cluster), oil market stories, a
 * German-language copy, a byline, names with diacritics, and phrase look-alikes.
 */
export function newsroomDay(now = Date.now()): Record<string, StoryEnrichedV1Payload> {
  const t = TAGS;
  return {
    delegationReuters: wireStory({
      uri: 'urn:test:reuters:libya-delegation',
      headline: 'Turkey to send security delegation to Moscow to discuss Libya',
      body:
        'Turkey will shortly send an official delegation to Moscow to hold extensive discussions about Libya, President Recep Tayyip Erdoğan said on Wednesday.\n\n' +
        'Deputy foreign and defence ministers would join the meetings with their Russian counterparts, Erdoğan told reporters.',
      byline: 'Ece Toksabay',
      located: 'ANKARA',
      source: 'reuters-feed',
      provider: 'reuters',
      versioncreated: hoursAgo(2, now),
      tags: [t.erdogan, t.putin, t.turkey, t.russia, t.libya, t.gna, t.diplomacy],
      cluster: 'cluster:libya-delegation',
      related: [
        {
          uri: 'urn:test:reuters:haftar-advance',
          headline: 'Haftar forces push towards Tripoli',
          score: 0.61,
          reason: {
            sharedEntities: ['place:ly', 'org:government-of-national-accord'],
            sharedTerms: ['tripoli', 'libya'],
          },
        },
        {
          uri: 'urn:test:reuters:minister-resigns',
          headline: 'Turkish minister resigns',
          score: 0.2,
          reason: { sharedEntities: ['place:tr'], sharedTerms: [] },
        },
      ],
    }),
    delegationAp: wireStory({
      uri: 'urn:test:ap:libya-delegation',
      headline: 'Erdogan says Turkish officials will visit Moscow over Libya',
      body: 'Turkish President Recep Tayyip Erdogan said a delegation of senior officials will travel to Moscow to discuss the war in Libya with Russia.',
      source: 'ap-feed',
      provider: 'ap',
      versioncreated: hoursAgo(2.5, now),
      tags: [t.erdogan, t.turkey, t.russia, t.libya, t.diplomacy],
      cluster: 'cluster:libya-delegation',
    }),
    delegationAfp: wireStory({
      uri: 'urn:test:afp:libya-delegation',
      headline: 'Turkish delegation heads to Moscow for Libya talks',
      body: 'A Turkish security delegation will hold talks in Moscow on Libya, where Ankara backs the Government of National Accord in Tripoli.',
      source: 'afp-feed',
      provider: 'afp',
      versioncreated: hoursAgo(3, now),
      tags: [t.turkey, t.russia, t.libya, t.gna, t.diplomacy],
      cluster: 'cluster:libya-delegation',
    }),
    haftar: wireStory({
      uri: 'urn:test:reuters:haftar-advance',
      headline: 'Haftar forces push towards Tripoli',
      body:
        "Forces loyal to Khalifa Haftar's Libyan National Army advanced on the southern outskirts of Tripoli on Tuesday, " +
        'residents said, as fighting with troops of the Government of National Accord intensified in Libya.',
      source: 'reuters-feed',
      provider: 'reuters',
      located: 'TRIPOLI',
      versioncreated: hoursAgo(5, now),
      tags: [t.haftar, t.libya, t.lna, t.gna, t.conflict],
      related: [
        {
          uri: 'urn:test:reuters:libya-delegation',
          headline: 'Turkey to send security delegation to Moscow to discuss Libya',
          score: 0.61,
          reason: {
            sharedEntities: ['place:ly', 'org:government-of-national-accord'],
            sharedTerms: ['tripoli', 'libya'],
          },
        },
      ],
    }),
    opecCut: wireStory({
      uri: 'urn:test:reuters:opec-cut',
      headline: 'OPEC agrees to cut crude output as prices slide',
      body: 'OPEC ministers agreed on Thursday to cut crude oil output by one million barrels per day, Saudi Arabia said, as oil prices slid to a six-month low.',
      source: 'reuters-feed',
      provider: 'reuters',
      versioncreated: hoursAgo(6, now),
      tags: [t.opec, t.saudi, t.crude, t.energy],
    }),
    oilJump: wireStory({
      uri: 'urn:test:ap:oil-jump',
      headline: 'Oil prices jump after OPEC output deal',
      body: 'Oil prices rose sharply on Friday after producers agreed to reduce output. Brent crude gained four percent.',
      source: 'ap-feed',
      provider: 'ap',
      versioncreated: hoursAgo(4, now),
      tags: [t.opec, t.crude, t.energy],
    }),
    oilGerman: wireStory({
      uri: 'urn:test:dpa:oelpreis',
      headline: 'Ölpreis steigt nach Opec-Beschluss',
      body: 'Die Ölpreise sind nach dem Beschluss der Opec, die Förderung zu kürzen, deutlich gestiegen.',
      source: 'dpa-feed',
      provider: 'dpa',
      language: 'de',
      versioncreated: hoursAgo(4.5, now),
      tags: [t.opec, t.crude, t.germany],
    }),
    ecb: wireStory({
      uri: 'urn:test:reuters:ecb-rates',
      headline: 'ECB holds interest rates steady',
      body: 'The European Central Bank kept its key interest rates unchanged on Thursday, as inflation eased for a third month.',
      byline: 'Jane Doe',
      source: 'reuters-feed',
      provider: 'reuters',
      versioncreated: hoursAgo(8, now),
      tags: [t.ecb, t.germany, t.rates],
    }),
    duesseldorf: wireStory({
      uri: 'urn:test:dpa:duesseldorf-mayor',
      headline: 'Düsseldorf elects new mayor after close race',
      body: 'Voters in Düsseldorf elected a new mayor on Sunday after a tight run-off, the city said.',
      byline: 'Jürgen Müller',
      source: 'dpa-feed',
      provider: 'dpa',
      versioncreated: hoursAgo(10, now),
      tags: [t.germany, t.politics],
    }),
    gasPipeline: wireStory({
      uri: 'urn:test:ap:gas-pipeline',
      headline: 'Russia halts gas pipeline deliveries to Poland',
      body: 'Gazprom said it stopped deliveries through the Yamal gas pipeline to Poland on Wednesday.',
      source: 'ap-feed',
      provider: 'ap',
      versioncreated: hoursAgo(12, now),
      tags: [t.russia, t.poland, t.gazprom, t.energy],
    }),
    pipelineDemand: wireStory({
      uri: 'urn:test:reuters:pipeline-demand',
      headline: 'Pipeline operator reports record demand',
      body: 'The pipeline operator said demand for gas reached a record as cold weather hit northern Europe.',
      source: 'reuters-feed',
      provider: 'reuters',
      versioncreated: hoursAgo(13, now),
      tags: [t.energy],
    }),
    refineryOld: wireStory({
      uri: 'urn:test:reuters:refinery-fire-old',
      headline: 'Fire breaks out at coastal refinery',
      body: 'A fire broke out at a coastal refinery, the operator said, halting production.',
      source: 'reuters-feed',
      provider: 'reuters',
      versioncreated: hoursAgo(24 * 30, now),
      tags: [t.energy],
    }),
    refineryNew: wireStory({
      uri: 'urn:test:ap:refinery-fire-new',
      headline: 'Fire breaks out at coastal refinery',
      body: 'A fire broke out at a coastal refinery, the operator said, halting production.',
      source: 'ap-feed',
      provider: 'ap',
      versioncreated: hoursAgo(1, now),
      tags: [t.energy],
    }),
    ministerResigns: wireStory({
      uri: 'urn:test:reuters:minister-resigns',
      headline: 'Turkish minister resigns over contract scandal',
      body: 'A Turkish minister resigned on Monday over a contract scandal, state media reported.',
      source: 'reuters-feed',
      provider: 'reuters',
      versioncreated: hoursAgo(7, now),
      tags: [t.turkey, t.politics],
    }),
    quake: wireStory({
      uri: 'urn:test:ap:quake',
      headline: 'Magnitude 6.1 earthquake strikes off coast',
      body: 'An earthquake of magnitude 6.1 struck off the coast on Saturday, seismologists said. There were no immediate reports of damage.',
      source: 'ap-feed',
      provider: 'ap',
      versioncreated: hoursAgo(9, now),
      tags: [],
    }),
  };
}

/** Routine market reports: enough stories to page through, some copied by a second wire. */
export function marketReports(count: number, now = Date.now()): StoryEnrichedV1Payload[] {
  return Array.from({ length: count }, (_, i) =>
    wireStory({
      uri: `urn:test:market:${String(i).padStart(3, '0')}`,
      headline: `Market report ${i}: shares edge higher`,
      body: `Shares edged higher in market report number ${i} as investors weighed earnings.`,
      source: i % 2 === 0 ? 'reuters-feed' : 'ap-feed',
      provider: i % 2 === 0 ? 'reuters' : 'ap',
      versioncreated: hoursAgo(20 + i * 0.5, now),
      // Every fifth report and its successor are two wires' copies of one story.
      cluster: i % 5 <= 1 ? `cluster:market-${Math.floor(i / 5)}` : undefined,
    }),
  );
}
