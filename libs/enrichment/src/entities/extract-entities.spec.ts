import type { Tag } from '@lib/contracts';
import { loadSeedStory, storyOf } from '../testing/seed-story';
import { extractEntities } from './extract-entities';
import { type EntityResources, loadEntityResources } from './load-gazetteer';

let resources: EntityResources;
beforeAll(() => {
  resources = loadEntityResources();
});

const byId = (tags: readonly Tag[], id: string): Tag | undefined => tags.find((t) => t.id === id);

describe('extractEntities: alias resolution', () => {
  it('resolves "Erdogan", "Recep Tayyip Erdogan" and "Turkish President Erdogan" to one person', () => {
    const story = storyOf({
      uri: 't:1',
      headline: 'Erdogan visits Berlin',
      body_text:
        'Turkish President Erdogan arrived on Monday.\n\nRecep Tayyip Erdogan said talks went well. Erdogan left later.',
    });
    const people = extractEntities(story, resources).filter((t) => t.kind === 'person');
    expect(people.map((t) => t.id)).toEqual(['person:recep-tayyip-erdogan']);
    expect(people[0]?.aliases).toContain('Erdogan');
  });

  it('joins a bare surname to the full name used earlier in the same story', () => {
    const story = storyOf({
      uri: 't:2',
      headline: 'Fed chief speaks',
      body_text:
        'Treasury Secretary James Baker met Paul Volcker on Tuesday. Baker said the dollar was stable and Volcker agreed.',
    });
    const ids = extractEntities(story, resources)
      .filter((t) => t.kind === 'person')
      .map((t) => t.id)
      .sort();
    expect(ids).toEqual(['person:james-baker', 'person:paul-volcker']);
  });

  it('maps acronyms and long forms of a known organisation to one id', () => {
    const story = storyOf({
      uri: 't:3',
      headline: 'GNA asks for help',
      body_text: 'The Government of National Accord (GNA) asked the UN for support.',
    });
    const orgs = extractEntities(story, resources).filter((t) => t.kind === 'organisation');
    expect(orgs.map((t) => t.id).sort()).toEqual([
      'org:government-of-national-accord',
      'org:united-nations',
    ]);
  });

  it('learns an acronym defined in the text for an organisation it does not know', () => {
    const story = storyOf({
      uri: 't:4',
      headline: 'Rebels advance',
      body_text:
        'The Sudan Liberation Movement (SLM) said it took the town. Later the SLM withdrew.',
    });
    const org = byId(extractEntities(story, resources), 'org:sudan-liberation-movement');
    expect(org?.aliases).toContain('SLM');
  });

  it('carries provider metadata and marks it fromProvider', () => {
    const story = storyOf({
      uri: 't:5',
      headline: 'Markets calm',
      body_text: 'Shares rose.',
      places: [{ name: 'Japan', code: 'JP' }],
    });
    const japan = byId(extractEntities(story, resources), 'place:jp');
    expect(japan?.provenance.fromProvider).toBe(true);
  });
});

describe('extractEntities: titles and organisation names', () => {
  const tagsOf = (body: string): Tag[] =>
    extractEntities(storyOf({ uri: 't:org', headline: 'Wire', body_text: body }), resources, {
      minConfidence: 0,
    });
  const peopleIn = (body: string): string[] =>
    tagsOf(body)
      .filter((t) => t.kind === 'person')
      .map((t) => t.name);

  // Reuters-21578 sentences that used to yield the people "Department", "Ministry" and "Co".
  it('reads a ministry word before an organisation word as part of the organisation', () => {
    const body =
      'The U.S. Agriculture Department reported the farmer-owned reserve national five-day average price. ' +
      'The trade surplus jumped to 3.58 billion dlrs, the Finance Ministry said. ' +
      'Energy Ministry officials ordered the release of water.';
    expect(peopleIn(body)).toEqual([]);
    const orgs = tagsOf(body)
      .filter((t) => t.kind === 'organisation')
      .map((t) => t.name);
    expect(orgs).toEqual(
      expect.arrayContaining(['U.S. Agriculture Department', 'Finance Ministry']),
    );
  });

  it('keeps an industry word inside a company name', () => {
    const body =
      "Unocal Corp's Union Oil Co said it lowered its posted prices for crude oil. " +
      'General Electric Co said it will redeem RCA notes, and General Motors Corp agreed.';
    expect(peopleIn(body)).toEqual([]);
    expect(
      tagsOf(body)
        .filter((t) => t.kind === 'organisation')
        .map((t) => t.name),
    ).toEqual(
      expect.arrayContaining(['Union Oil Co', 'General Electric Co', 'General Motors Corp']),
    );
  });

  it('still reads a modifier and a title together as a title before a name', () => {
    expect(
      peopleIn(
        'Finance Minister Gerhard Stoltenberg and Foreign Trade Minister Hajime Tamura met Oil Minister Subroto.',
      ).sort(),
    ).toEqual(['Gerhard Stoltenberg', 'Hajime Tamura', 'Subroto']);
  });

  it('reads a place name right after a first name as a surname, and later alone as that person', () => {
    // Reuters-21578: Douglas is also the Isle of Man's capital; "Roger" used to be the person.
    const tags = tagsOf(
      'The debt was incurred under the Meat Price Stabilisation Scheme, Finance Minister Roger Douglas said. ' +
        'Douglas said the government would take it over.',
    );
    expect(tags.filter((t) => t.kind === 'person').map((t) => t.name)).toEqual(['Roger Douglas']);
    expect(tags.filter((t) => t.kind === 'place')).toEqual([]);
  });

  it('names a company official the gazetteer does not know', () => {
    // Petrobras' export director in 1987; a name, not a lexicon collision.
    const body =
      'The Saudis refused to accept credit guarantees from the Bank of Brazil, a Petrobras official said. ' +
      'Export director Carlos Santana told a press conference the Saudis were the first suppliers to refuse.';
    expect(peopleIn(body)).toEqual(['Carlos Santana']);
  });
});

describe('extractEntities: places', () => {
  it('gives a city its country as parent and keeps the two apart', () => {
    const story = storyOf({
      uri: 't:6',
      headline: 'Talks in Abu Dhabi',
      body_text: 'The UAE hosted talks in Abu Dhabi on Sunday.',
    });
    const tags = extractEntities(story, resources);
    expect(byId(tags, 'place:city:abu-dhabi-ae')?.parentId).toBe('place:ae');
    expect(byId(tags, 'place:ae')?.parentId).toBeUndefined();
  });

  it('picks the Tripoli of the country the story is about', () => {
    const libya = extractEntities(
      storyOf({ uri: 't:7', headline: 'Fighting near Tripoli', body_text: 'Libya saw clashes.' }),
      resources,
    );
    const lebanon = extractEntities(
      storyOf({ uri: 't:8', headline: 'Protest in Tripoli', body_text: 'Lebanon saw protests.' }),
      resources,
    );
    expect(byId(libya, 'place:city:tripoli-ly')).toBeDefined();
    expect(byId(lebanon, 'place:city:tripoli-lb')).toBeDefined();
  });

  it('treats a demonym only as a hint, not as a mention of the country', () => {
    const tags = extractEntities(
      storyOf({ uri: 't:9', headline: 'Talks end', body_text: 'A German diplomat said little.' }),
      resources,
    );
    expect(byId(tags, 'place:de')).toBeUndefined();
  });

  it('does not read lower-case words as places', () => {
    const tags = extractEntities(
      storyOf({
        uri: 't:10',
        headline: 'Holiday food',
        body_text: 'They ate turkey and rice from china plates.',
      }),
      resources,
    );
    expect(tags.filter((t) => t.kind === 'place')).toEqual([]);
  });
});

describe('extractEntities: datelines', () => {
  it('reads a state abbreviation in a dateline as a state of its country', () => {
    const tags = extractEntities(
      storyOf({
        uri: 't:11',
        headline: 'X CORP SETS DIVIDEND',
        located: 'RICHMOND, Va.',
        body_text: 'The company said.',
      }),
      resources,
    );
    expect(byId(tags, 'place:region:us-va')?.parentId).toBe('place:us');
  });

  it('ignores the same abbreviation outside the dateline', () => {
    const tags = extractEntities(
      storyOf({ uri: 't:12', headline: 'Plan', body_text: 'Talks in Ind. and Va. went on.' }),
      resources,
    );
    expect(tags.filter((t) => t.kind === 'place')).toEqual([]);
  });
});

describe('extractEntities: the seed story', () => {
  const REQUIRED = [
    'place:tr',
    'place:ru',
    'place:ly',
    'place:city:moscow-ru',
    'place:city:tripoli-ly',
    'place:city:geneva-ch',
    'place:city:berlin-de',
    'place:sy',
    'place:eg',
    'place:ae',
    'place:qa',
    'place:tn',
    'place:dz',
    'person:recep-tayyip-erdogan',
    'person:vladimir-putin',
    'person:khalifa-haftar',
    'person:angela-merkel',
    'org:wagner-group',
    'org:government-of-national-accord',
    'org:libyan-national-army',
  ];
  // Also correct, not required: cities named in passing, the UN, the region.
  const ALLOWED_EXTRA = [
    'place:city:ankara-tr',
    'place:city:abu-dhabi-ae',
    'org:united-nations',
    'place:region:mediterranean',
    'place:region:north-africa',
  ];

  it('finds every required entity and nothing outside the allowed extras', () => {
    const ids = extractEntities(loadSeedStory(), resources).map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(REQUIRED));
    expect(ids.filter((id) => !REQUIRED.includes(id) && !ALLOWED_EXTRA.includes(id))).toEqual([]);
  });

  it('has no navigation text or sentence fragments among tag names', () => {
    const tags = extractEntities(loadSeedStory(), resources);
    for (const tag of tags) {
      expect(tag.name).not.toMatch(/read more|related|warsan|china|uighur|somali|nomad/i);
      expect(tag.name).not.toMatch(/[.,;:!?“”"»]/);
      expect(tag.name.split(/\s+/).length).toBeLessThanOrEqual(4);
    }
  });

  it('puts the Tripoli city tag under Libya and one person tag per person', () => {
    const tags = extractEntities(loadSeedStory(), resources);
    expect(byId(tags, 'place:city:tripoli-ly')?.parentId).toBe('place:ly');
    expect(tags.filter((t) => t.id.includes('erdogan'))).toHaveLength(1);
    expect(byId(tags, 'org:government-of-national-accord')?.aliases).toContain('GNA');
  });
});
