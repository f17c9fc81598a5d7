import { Injectable } from '@nestjs/common';
import { OverridesRepository } from '@lib/admin';
import { mergeRelatedLinks, type StorySearchDocument } from '@lib/search';
import { describeChange } from './story-changes';
import { StoryDocumentRepository } from './story-document.repository';
import { StoryHistoryRepository } from './story-history.repository';
import { StoryNotFoundError } from './stories.errors';
import {
  contentFromDocument,
  contentFromStory,
  toRelated,
  toSameStory,
  toTagView,
  toTopics,
  toVersionView,
  type RelatedStoryView,
  type StoryVersionView,
  type StoryView,
} from './stories.mapper';

/**
 * A story as an editor reads it: the indexed latest version with its enrichment, and the
 * version history from PostgreSQL. A killed story is no longer in the index; it is shown from
 * PostgreSQL so the kill itself is visible.
 */
@Injectable()
export class StoriesService {
  constructor(
    private readonly documents: StoryDocumentRepository,
    private readonly history: StoryHistoryRepository,
    private readonly overrides: OverridesRepository,
  ) {}

  async getStory(uri: string): Promise<StoryView> {
    const [document, latest, versions] = await Promise.all([
      this.documents.findByUri(uri),
      this.history.findLatest(uri),
      this.history.findVersions(uri),
    ]);
    const history = this.describeHistory(versions);
    const isCorrected = history.some((v) => v.kind === 'correction');
    if (latest && latest.pubstatus !== 'usable') {
      const base = { tags: [], topics: [], cluster: null, related: [], history, isCorrected };
      return {
        ...contentFromStory(latest.story, latest.provenance),
        ...base,
        version: latest.version,
        status: 'killed',
      };
    }
    if (document) {
      return {
        ...contentFromDocument(document),
        status: 'live',
        isCorrected,
        tags: document.tags.map(toTagView),
        topics: toTopics(document.tags),
        cluster: document.cluster ?? null,
        related: await this.relatedTo(document),
        history,
      };
    }
    if (!latest) throw new StoryNotFoundError(uri);
    const base = { tags: [], topics: [], cluster: null, related: [], history, isCorrected };
    return {
      ...contentFromStory(latest.story, latest.provenance),
      ...base,
      version: latest.version,
      status: 'pending',
    };
  }

  async getRelated(uri: string): Promise<{ uri: string; related: RelatedStoryView[] }> {
    const document = await this.documents.findByUri(uri);
    if (document) return { uri, related: await this.relatedTo(document) };
    // Killed or not indexed yet: it exists, but nothing is linked to it.
    if (await this.history.findLatest(uri)) return { uri, related: [] };
    throw new StoryNotFoundError(uri);
  }

  /**
   * Other wires' copies first, then the enricher's links to stories that are still live: the
   * story's own and the newer coverage that linked back to it, less any an editor blocked.
   */
  private async relatedTo(document: StorySearchDocument): Promise<RelatedStoryView[]> {
    const [copies, newerCoverage, overrides] = await Promise.all([
      document.cluster
        ? this.documents.findClusterCopies(document.cluster, document.uri)
        : Promise.resolve([]),
      this.documents.findNewerCoverage(document.uri),
      this.overrides.find(document.uri),
    ]);
    const related = mergeRelatedLinks(
      document.uri,
      document.related,
      newerCoverage,
      new Set(overrides?.blockedRelated ?? []),
    );
    const targets = await this.documents.findByUris(related.map((link) => link.uri));
    const tagNames = new Map<string, string>();
    for (const doc of [...targets.values(), document])
      for (const tag of doc.tags) tagNames.set(tag.id, tag.name);
    const copyUris = new Set(copies.map((c) => c.uri));
    const links = related.flatMap((link) => {
      const target = targets.get(link.uri);
      return target && !copyUris.has(link.uri) ? [toRelated(link, target, tagNames)] : [];
    });
    return [...copies.map(toSameStory), ...links];
  }

  private describeHistory(
    versions: Awaited<ReturnType<StoryHistoryRepository['findVersions']>>,
  ): StoryVersionView[] {
    return versions.map((row, i) =>
      toVersionView(row, describeChange(i > 0 ? versions[i - 1].story : null, row.story)),
    );
  }
}
