import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Input we refused, with the reason and the raw bytes, so an operator can fix and replay it. */
@Entity({ name: 'rejected_items' })
export class RejectedItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'text', nullable: true })
  format!: string | null;

  @Column({ name: 'error_code', type: 'text' })
  errorCode!: string;

  @Column({ name: 'error_message', type: 'text' })
  errorMessage!: string;

  @Column({ name: 'raw_payload_id', type: 'uuid' })
  rawPayloadId!: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ name: 'replayed_at', type: 'timestamptz', nullable: true })
  replayedAt!: Date | null;
}
