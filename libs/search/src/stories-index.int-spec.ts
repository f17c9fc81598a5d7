import { Client } from '@elastic/elasticsearch';
import { TEST_ES_NODE } from '../../../test/setup/test-env';
import { ensureStoriesIndex, storiesIndexDefinition, versionedIndexName } from './stories-index';
import { ensureTagNamesIndex, tagNamesIndexFor } from './tag-names-index';

const alias = `fields-${Date.now().toString(36)}`;
const client = new Client({ node: TEST_ES_NODE });

describe('ensureStoriesIndex against the search engine', () => {
  afterAll(async () => {
    await client.indices.delete({ index: `${alias}-*` }, { ignore: [404] });
    await client.close();
  });

  it('adds the fields a newer definition has to an index created from an older one', async () => {
    const { settings, mappings } = storiesIndexDefinition();
    const { body_lead: added, ...older } = mappings.properties ?? {};
    expect(added).toBeDefined();
    const index = versionedIndexName(alias, 1);
    await client.indices.create({
      index,
      settings,
      mappings: { ...mappings, properties: older },
      aliases: { [alias]: { is_write_index: true } },
    });
    expect(await ensureStoriesIndex(client, alias)).toBe(index);
    const mapping = await client.indices.getMapping({ index });
    expect(mapping[index]?.mappings.properties?.body_lead).toEqual(added);
    // A document with the new field is taken now (the mapping is strict).
    await client.index({ index: alias, id: 'x', document: { uri: 'x', body_lead: 'lead' } });
  });

  it('gives a tag names index from an earlier release the fields autocomplete searches', async () => {
    const index = tagNamesIndexFor(alias);
    await client.indices.create({
      index,
      mappings: {
        dynamic: 'strict',
        properties: {
          id: { type: 'keyword' },
          kind: { type: 'keyword' },
          name: { type: 'keyword', index: false, doc_values: false },
        },
      },
    });
    expect(await ensureTagNamesIndex(client, alias)).toBe(index);
    await client.index({
      index,
      id: 'place:ly',
      refresh: true,
      document: {
        id: 'place:ly',
        kind: 'place',
        name: 'Libya',
        folded: ['libya'],
        keys: ['libya'],
      },
    });
    const found = await client.search({ index, query: { prefix: { folded: 'lib' } } });
    expect(found.hits.hits.map((hit) => hit._id)).toEqual(['place:ly']);
  });
});
