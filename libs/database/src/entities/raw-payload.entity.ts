import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The bytes exactly as received, kept for provenance and fix-and-replay. */
@Entity({ name: 'raw_payloads' })
export class RawPayloadEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'text', nullable: true })
  format!: string | null;

  @Column({ name: 'content_type', type: 'text', nullable: true })
  contentType!: string | null;

  @Column({ type: 'text', nullable: true })
  filename!: string | null;

  @Column({ type: 'text' })
  transport!: string;

  @Column({ type: 'bytea' })
  bytes!: Buffer;

  @Column({ type: 'text' })
  sha256!: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}
