import { loadSeedStory } from '../testing/seed-story';
import { storyPlainText } from '../text/story-text';
import { assignCluster, InMemoryClusterIndex } from './cluster-index';
import { fromHex, hammingDistance, simhash, toHex } from './simhash';

const seedText = storyPlainText(loadSeedStory());
const paragraphs = seedText.split('\n');
const unrelated = `Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought since early
January and improving prospects for the coming temporao, although normal humidity levels have not been restored,
Comissaria Smith said in its weekly review. The dry period means the temporao will be late this year. Arrivals for
the week ended February 22 were 155,221 bags of 60 kilos making a cumulative total for the season of 5.93 mln.`;

describe('simhash', () => {
  it('puts a lightly edited version of a story within a few bits', () => {
    const edited = seedText.replace(/Wednesday/g, 'Thursday').replace(/senior/g, 'high-ranking');
    expect(hammingDistance(simhash(seedText), simhash(edited))).toBeLessThanOrEqual(8);
  });

  it('puts a different story far away', () => {
    expect(hammingDistance(simhash(seedText), simhash(unrelated))).toBeGreaterThanOrEqual(16);
  });

  it('round-trips through hex', () => {
    const hash = simhash(seedText);
    expect(fromHex(toHex(hash))).toEqual(hash);
  });
});

describe('assignCluster', () => {
  it('clusters a re-sent story with a new lede and an updated version with the original', () => {
    const index = new InMemoryClusterIndex();
    const original = assignCluster(index, 'afp:1', simhash(seedText));
    const rewrittenLede = [
      'Turkish President Recep Tayyip Erdogan said on Wednesday Ankara would send officials to Moscow for talks on Libya.',
      ...paragraphs.slice(3),
    ].join('\n');
    const update = [
      ...paragraphs.slice(0, 8),
      'Officials in Ankara declined to comment further on Thursday.',
      ...paragraphs.slice(8),
    ].join('\n');
    expect(assignCluster(index, 'reuters:9', simhash(rewrittenLede))).toBe(original);
    expect(assignCluster(index, 'afp:1', simhash(update))).toBe(original);
    expect(assignCluster(index, 'ap:3', simhash(unrelated))).not.toBe(original);
  });

  it('keeps successive versions of one uri together even when the text changes a lot', () => {
    const index = new InMemoryClusterIndex();
    const first = assignCluster(index, 'ap:7', simhash(seedText));
    expect(assignCluster(index, 'ap:7', simhash(unrelated))).toBe(first);
    expect(index.size).toBe(1);
  });
});
