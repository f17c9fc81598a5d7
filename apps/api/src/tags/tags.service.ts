import { Injectable } from '@nestjs/common';
import type { TagSuggestion } from '@lib/search';
import type { TagsParams } from './tags.params';
import { TagsRepository } from './tags.repository';

/** Autocomplete for the tag filters: what the editor typed matches the start of any word of a name or alias. */
@Injectable()
export class TagsService {
  constructor(private readonly tags: TagsRepository) {}

  async suggest(params: TagsParams): Promise<{ items: TagSuggestion[] }> {
    const items = await this.tags.suggest({
      q: params.q || null,
      kind: params.kind,
      size: params.size,
    });
    return { items };
  }
}
