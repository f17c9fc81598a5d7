import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CanonicalStory, Provenance } from '@lib/contracts';

/** Every accepted version, so corrections stay visible in a story's history. */
@Entity({ name: 'story_versions' })
export class StoryVersionEntity {
  @PrimaryColumn({ type: 'text' })
  uri!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  pubstatus!: string;

  @Column({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  @Column({ type: 'jsonb' })
  story!: CanonicalStory;

  @Column({ type: 'jsonb' })
  provenance!: Provenance;

  @Column({ name: 'raw_payload_id', type: 'uuid' })
  rawPayloadId!: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}
