import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@elastic/elasticsearch';
import { APP_CONFIG, type Env } from '@lib/config';
import type { TagKind } from '@lib/contracts';
import {
  SEARCH_CLIENT,
  isTagId,
  resolveTagNames,
  type FilterGroup,
  type FilterName,
} from '@lib/search';
import { ApiMetrics } from '../http/api-metrics';
import { UnknownTagError } from './search.errors';

/** Filters over tags, and the kind of tag each accepts (`tag` accepts every kind). */
const TAG_FILTER_KINDS: Partial<Record<FilterName, TagKind | undefined>> = {
  tag: undefined,
  person: 'person',
  org: 'organisation',
  place: 'place',
  topic: 'topic',
};

export interface ResolvedFilters {
  filters: { name: FilterName; group: FilterGroup }[];
  /** Each name or slug given, by filter, and the tag id it stands for. */
  resolved: Partial<Record<FilterName, Record<string, string>>>;
}

/**
 * Turns tag names and slugs in filters (`place=saudi-arabia`, `person=Erdogan`) into tag ids,
 * looking them up among the tags of live stories; ids pass through untouched. A name no live
 * story carries is an error naming the parameter, not a silent empty result.
 */
@Injectable()
export class TagFilterResolver {
  constructor(
    @Inject(SEARCH_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: Env,
    private readonly metrics: ApiMetrics,
  ) {}

  async resolve(filters: { name: FilterName; group: FilterGroup }[]): Promise<ResolvedFilters> {
    const resolved: ResolvedFilters['resolved'] = {};
    const out: ResolvedFilters['filters'] = [];
    for (const { name, group } of filters) {
      const names = name in TAG_FILTER_KINDS ? group.values.filter((v) => !isTagId(v)) : [];
      if (names.length === 0) {
        out.push({ name, group });
        continue;
      }
      const ids = await this.lookup(names, TAG_FILTER_KINDS[name]);
      const byName = resolved[name] ?? {};
      names.forEach((given, i) => {
        const id = ids[i];
        if (!id) throw new UnknownTagError(name, given);
        byName[given] = id;
      });
      resolved[name] = byName;
      out.push({
        name,
        group: { ...group, values: [...new Set(group.values.map((v) => byName[v] ?? v))] },
      });
    }
    return { filters: out, resolved };
  }

  private lookup(names: string[], kind: TagKind | undefined): Promise<(string | null)[]> {
    return this.metrics.timeEngine('tag_filters', () =>
      resolveTagNames(this.client, this.config.ES_STORIES_ALIAS, names, kind),
    );
  }
}
