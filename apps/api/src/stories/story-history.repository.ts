import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE, StoryEntity, StoryVersionEntity } from '@lib/database';
import { DataSource } from 'typeorm';

/** The truth in PostgreSQL: the latest accepted version and every version before it. */
@Injectable()
export class StoryHistoryRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  findLatest(uri: string): Promise<StoryEntity | null> {
    return this.dataSource.getRepository(StoryEntity).findOneBy({ uri });
  }

  findVersions(uri: string): Promise<StoryVersionEntity[]> {
    return this.dataSource
      .getRepository(StoryVersionEntity)
      .find({ where: { uri }, order: { version: 'ASC' } });
  }
}
