import type { CanonicalStory, Enrichment, Tag } from '@lib/contracts';
import { assignCluster, type ClusterIndex } from './clusters/cluster-index';
import { storyFingerprint, type StoryFingerprint } from './clusters/cluster-key';
import { toHex } from './clusters/simhash';
import { type EntityExtractionOptions, extractEntities } from './entities/extract-entities';
import type { EntityResources } from './entities/load-gazetteer';
import { inlinePositions } from './related/inline-position';
import {
  type RelatedCandidate,
  type RelatedScoringOptions,
  scoreRelated,
} from './related/score-related';
import { storyTerms } from './related/story-terms';
import type { TagStatistics } from './related/tag-statistics';
import { subjectTags } from './subjects/iptc-subjects';
import type { TfidfModel } from './text/tfidf';
import { type CompiledTopicModel, topicTags } from './topics/predict-topics';
import { topicDocumentText } from './topics/topic-text';

/** Everything enrichment needs, loaded once by the caller; no I/O happens in `enrichStory`. */
export interface EnrichmentContext {
  entities: EntityResources;
  entityOptions?: EntityExtractionOptions;
  topics?: CompiledTopicModel;
  /** When given, the story is clustered against it and registered in it. */
  clusterIndex?: ClusterIndex;
  /** The story's `storyFingerprint`, when the caller has already taken it. */
  fingerprint?: StoryFingerprint;
  related?: {
    /** Earlier stories with their text similarity (search engine more_like_this or own cosine). */
    candidates: readonly RelatedCandidate[];
    tagStatistics: TagStatistics;
    termModel?: TfidfModel;
    options?: RelatedScoringOptions;
  };
}

/** Entities, subjects, topics, cluster and related links for one story. Pure given the context. */
export function enrichStory(story: CanonicalStory, context: EnrichmentContext): Enrichment {
  const tags: Tag[] = [
    ...extractEntities(story, context.entities, context.entityOptions),
    ...subjectTags(story.subject),
    ...(context.topics ? topicTags(context.topics, topicDocumentText(story)) : []),
  ];
  const { signature, maxDistance } = context.fingerprint ?? storyFingerprint(story);
  const cluster = context.clusterIndex
    ? assignCluster(context.clusterIndex, story.uri, signature, maxDistance)
    : `sh:${toHex(signature)}`;
  const positionOf = inlinePositions(story, tags);
  const related = context.related
    ? scoreRelated(
        {
          uri: story.uri,
          versioncreated: story.versioncreated,
          clusterKey: cluster,
          tags,
          terms: storyTerms(story, context.related.termModel),
        },
        context.related.candidates,
        context.related.tagStatistics,
        context.related.options,
      ).map((link) => {
        const afterParagraph = positionOf(link);
        return afterParagraph === undefined ? link : { ...link, afterParagraph };
      })
    : [];
  return { tags, cluster, related };
}
