import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CanonicalStory } from '@lib/contracts';

/** Repository root, for test fixtures. */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');

/**
 * The seed web story as a canonical story: first block is the site name, then headline,
 * standfirst, picture caption and body.
 */
export function loadSeedStory(): CanonicalStory {
  const raw = fs.readFileSync(
    path.join(REPO_ROOT, 'test/fixtures/seed/warsan-turkey-libya.txt'),
    'utf8',
  );
  const blocks = raw
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
  return storyOf({
    uri: 'seed:warsan-turkey-libya',
    headline: blocks[1] ?? '',
    description: blocks[2],
    body_text: blocks.slice(3).join('\n\n'),
  });
}

/** A canonical story with defaults, for tests. */
export function storyOf(
  fields: Partial<CanonicalStory> & Pick<CanonicalStory, 'uri' | 'headline'>,
): CanonicalStory {
  return {
    version: 1,
    versioncreated: '2019-12-26T10:00:00Z',
    pubstatus: 'usable',
    subject: [],
    people: [],
    organisations: [],
    places: [],
    provider: 'test',
    associations: [],
    links: [],
    ...fields,
  };
}
