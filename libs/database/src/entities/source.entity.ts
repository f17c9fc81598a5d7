import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A registered agency feed or CMS that delivers wire copy. */
@Entity({ name: 'sources' })
export class SourceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  name!: string;

  /** SHA-256 of the source's API key; the key itself is never stored. */
  @Column({ name: 'api_key_hash', type: 'text', nullable: true })
  apiKeyHash!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'text', default: 'push' })
  kind!: 'push' | 'feed' | 'folder';

  @Column({ type: 'text', nullable: true })
  provider!: string | null;

  @Column({ type: 'text', nullable: true })
  format!: string | null;

  @Column({ type: 'text', nullable: true })
  url!: string | null;

  @Column({ type: 'text', nullable: true })
  folder!: string | null;

  @Column({ name: 'interval_seconds', type: 'integer', default: 60 })
  intervalSeconds!: number;

  @Column({ name: 'idle_window_seconds', type: 'integer', default: 3600 })
  idleWindowSeconds!: number;

  @Column({ type: 'text', nullable: true })
  etag!: string | null;

  @Column({ name: 'last_modified', type: 'text', nullable: true })
  lastModified!: string | null;

  @Column({ name: 'next_poll_at', type: 'timestamptz' })
  nextPollAt!: Date;

  @Column({ name: 'last_polled_at', type: 'timestamptz', nullable: true })
  lastPolledAt!: Date | null;

  @Column({ name: 'last_item_at', type: 'timestamptz', nullable: true })
  lastItemAt!: Date | null;

  @Column({ name: 'consecutive_failures', type: 'integer', default: 0 })
  consecutiveFailures!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;
}
