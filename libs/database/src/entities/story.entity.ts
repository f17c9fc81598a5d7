import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CanonicalStory, Provenance } from '@lib/contracts';

/** The latest accepted version of each story: the truth the search index is rebuilt from. */
@Entity({ name: 'stories' })
export class StoryEntity {
  @PrimaryColumn({ type: 'text' })
  uri!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  pubstatus!: string;

  @Column({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  @Column({ type: 'jsonb' })
  story!: CanonicalStory;

  @Column({ type: 'jsonb' })
  provenance!: Provenance;

  @Column({ name: 'versioncreated', type: 'timestamptz' })
  versioncreated!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
