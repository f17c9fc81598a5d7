import { loadSeedStory } from '../testing/seed-story';
import { storyPlainText } from '../text/story-text';
import { assignCluster, InMemoryClusterIndex } from './cluster-index';
import { clusterDistanceFor } from './cluster-key';
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

describe('clusterDistanceFor', () => {
  const brief = (shr: string, net: string) => ({
    headline: 'ACME CORP 3RD QTR NET',
    body_text: `Shr ${shr} cts vs ${shr} cts. Net ${net} vs 1,200,000. Revs 45.6 mln vs 41.2 mln. Nine mths shr 1.10 dlrs vs 98 cts.`,
  });

  it('keeps two templated results briefs with different figures in different clusters', () => {
    const index = new InMemoryClusterIndex();
    const a = brief('31', '1,450,000');
    const b = brief('12', '610,000');
    const first = assignCluster(index, 'a', simhash(storyPlainText(a)), clusterDistanceFor(a));
    expect(assignCluster(index, 'b', simhash(storyPlainText(b)), clusterDistanceFor(b))).not.toBe(
      first,
    );
  });

  it('gives short items a tighter budget than long stories', () => {
    expect(clusterDistanceFor(brief('1', '2'))).toBeLessThan(clusterDistanceFor(loadSeedStory()));
    expect(clusterDistanceFor(loadSeedStory())).toBe(12);
  });
});
