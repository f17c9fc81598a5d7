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
}
