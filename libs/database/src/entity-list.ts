import { OutboxEntity } from './entities/outbox.entity';
import { RawPayloadEntity } from './entities/raw-payload.entity';
import { RejectedItemEntity } from './entities/rejected-item.entity';
import { SourceEntity } from './entities/source.entity';
import { StoryVersionEntity } from './entities/story-version.entity';
import { StoryEntity } from './entities/story.entity';

export const ENTITIES = [
  OutboxEntity,
  RawPayloadEntity,
  RejectedItemEntity,
  SourceEntity,
  StoryEntity,
  StoryVersionEntity,
];
