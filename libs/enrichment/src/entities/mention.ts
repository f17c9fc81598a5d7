import type { SegmentKind } from '../text/story-text';
import type { EntityKind } from './gazetteer';

/** One occurrence of an entity in the story, before mentions are merged into tags. */
export interface Mention {
  kind: EntityKind;
  /** Gazetteer ids this surface may stand for; several when ambiguous ("Tripoli"). */
  entryIds: string[];
  /** Name as written, for entities the gazetteer does not know. */
  surface: string;
  segment: SegmentKind;
  paragraph: number;
  isHint: boolean;
  method: 'gazetteer' | 'name-pattern' | 'title-pattern' | 'acronym' | 'provider';
}

/** Where a mention sits says how central the entity is: headline and dateline count most. */
export function mentionWeight(
  mention: Pick<Mention, 'segment' | 'paragraph' | 'isHint' | 'method'>,
): number {
  if (mention.method === 'provider') return 1.5;
  let weight: number;
  switch (mention.segment) {
    case 'headline':
      weight = 1.0;
      break;
    case 'dateline':
      weight = 1.2;
      break;
    case 'description':
      weight = 0.6;
      break;
    case 'body':
      weight = mention.paragraph < 2 ? 0.5 : 0.35;
      break;
  }
  return mention.isHint ? weight * 0.3 : weight;
}

/** Maps accumulated evidence onto (0, 1): one body mention ~0.3, a headline mention ~0.63. */
export function evidenceToConfidence(evidence: number): number {
  return Math.min(0.99, Math.round((1 - Math.exp(-evidence)) * 1000) / 1000);
}
