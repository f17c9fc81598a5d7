import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  ADMIN_JOB_REQUESTED_V1,
  Topics,
  type AdminJobKind,
  type AdminJobRequestedV1Payload,
} from '@lib/contracts';
import { CORRELATION_HEADER, createEnvelope } from '@lib/kafka';

export type AdminJobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'interrupted';

export interface AdminJob {
  id: string;
  kind: AdminJobKind;
  params: unknown;
  status: AdminJobStatus;
  progress: { done: number; total: number | null };
  /** What the job said, oldest first (the last 200 lines). */
  messages: string[];
  result: unknown;
  error: string | null;
  requestedBy: string | null;
  createdAt: string;
  startedAt: string | null;
  heartbeatAt: string | null;
  finishedAt: string | null;
}

interface AdminJobRow {
  id: string;
  kind: AdminJobKind;
  params: unknown;
  status: AdminJobStatus;
  done: number;
  total: number | null;
  messages: string[];
  result: unknown;
  error: string | null;
  requested_by: string | null;
  created_at: Date;
  started_at: Date | null;
  heartbeat_at: Date | null;
  finished_at: Date | null;
}

/** A running job that has not reported for this long lost its runner (killed, or its pod gone). */
export const JOB_HEARTBEAT_STALE_MS = 60_000;
const KEPT_MESSAGES = 200;

/** Running jobs whose heartbeat is older than $1 ms; callers may narrow it further. */
const INTERRUPT_STALE_SQL = `UPDATE admin_jobs SET status = 'interrupted', finished_at = now(),
  error = 'its runner stopped reporting'
  WHERE status = 'running' AND heartbeat_at < now() - $1 * interval '1 millisecond'`;

export class ActiveJobError extends Error {
  constructor(readonly active: AdminJob) {
    super(`a ${active.kind} job is already ${active.status}: ${active.id}`);
    this.name = 'ActiveJobError';
  }
}

/** The only place `admin_jobs` is read or written. */
export class AdminJobs {
  constructor(private readonly db: DataSource) {}

  /**
   * Records the job and, in the same transaction, the outbox row that asks the indexer to run it:
   * once this returns, the job will run even if Kafka is down right now.
   */
  async request(
    request: Omit<AdminJobRequestedV1Payload, 'jobId'>,
    requestedBy: string | null,
    correlationId: string,
  ): Promise<AdminJob> {
    const id = randomUUID();
    const payload = { jobId: id, ...request } as AdminJobRequestedV1Payload;
    const event = {
      ...createEnvelope(ADMIN_JOB_REQUESTED_V1, payload, { producer: 'api', correlationId }),
      eventType: ADMIN_JOB_REQUESTED_V1,
    };
    try {
      await this.db.transaction(async (manager) => {
        await manager.query(`${INTERRUPT_STALE_SQL} AND kind = $2`, [
          JOB_HEARTBEAT_STALE_MS,
          request.kind,
        ]);
        await manager.query(
          'INSERT INTO admin_jobs (id, kind, params, requested_by) VALUES ($1, $2, $3, $4)',
          [id, request.kind, request.params, requestedBy],
        );
        await manager.query(
          'INSERT INTO outbox (topic, message_key, payload, headers) VALUES ($1, $2, $3, $4)',
          [Topics.adminJobRequested, request.kind, event, { [CORRELATION_HEADER]: correlationId }],
        );
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        const active = await this.active(request.kind);
        if (active) throw new ActiveJobError(active);
      }
      throw error;
    }
    return (await this.find(id)) as AdminJob;
  }

  async find(id: string): Promise<AdminJob | null> {
    const rows: AdminJobRow[] = await this.db.query('SELECT * FROM admin_jobs WHERE id = $1', [id]);
    return rows[0] ? toJob(rows[0]) : null;
  }

  async list(limit: number): Promise<AdminJob[]> {
    const rows: AdminJobRow[] = await this.db.query(
      'SELECT * FROM admin_jobs ORDER BY created_at DESC LIMIT $1',
      [limit],
    );
    return rows.map(toJob);
  }

  private async active(kind: AdminJobKind): Promise<AdminJob | null> {
    const rows: AdminJobRow[] = await this.db.query(
      `SELECT * FROM admin_jobs WHERE kind = $1 AND status IN ('queued', 'running')
       ORDER BY created_at LIMIT 1`,
      [kind],
    );
    return rows[0] ? toJob(rows[0]) : null;
  }

  /** Takes a queued job for this runner; false when it is unknown or another runner has it (a redelivery). */
  async claim(id: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `UPDATE admin_jobs SET status = 'running', started_at = now(), heartbeat_at = now()
       WHERE id = $1 AND status = 'queued' RETURNING id`,
      [id],
    );
    return rowCount(rows) > 0;
  }

  async report(
    id: string,
    progress: { done: number; total: number | null },
    said: string[],
  ): Promise<void> {
    await this.db.query(
      `UPDATE admin_jobs SET done = $2, total = $3, heartbeat_at = now(),
         messages = (SELECT coalesce(jsonb_agg(m ORDER BY n), '[]'::jsonb) FROM (
           SELECT m, n FROM jsonb_array_elements(messages || $4::jsonb) WITH ORDINALITY AS t(m, n)
           ORDER BY n DESC LIMIT ${KEPT_MESSAGES}) last)
       WHERE id = $1 AND status = 'running'`,
      [id, progress.done, progress.total, JSON.stringify(said)],
    );
  }

  async finish(
    id: string,
    outcome: { ok: boolean; result?: unknown; error?: string },
  ): Promise<void> {
    await this.db.query(
      `UPDATE admin_jobs SET status = $2, result = $3, error = $4, finished_at = now(), heartbeat_at = now()
       WHERE id = $1 AND status = 'running'`,
      [id, outcome.ok ? 'succeeded' : 'failed', outcome.result ?? null, outcome.error ?? null],
    );
  }

  /** At a runner's start: its jobs that were running when a previous runner died will not finish. */
  async interruptStale(): Promise<number> {
    const rows: unknown[] = await this.db.query(`${INTERRUPT_STALE_SQL} RETURNING id`, [
      JOB_HEARTBEAT_STALE_MS,
    ]);
    return rowCount(rows);
  }

  /** A running job that will not finish (its runner is stopping). */
  async interrupt(id: string, reason: string): Promise<void> {
    await this.db.query(
      `UPDATE admin_jobs SET status = 'interrupted', finished_at = now(), error = $2
       WHERE id = $1 AND status = 'running'`,
      [id, reason],
    );
  }
}

/** typeorm answers an UPDATE … RETURNING with [rows, count]. */
function rowCount(result: unknown[]): number {
  if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[1];
  return result.length;
}

function toJob(row: AdminJobRow): AdminJob {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    id: row.id,
    kind: row.kind,
    params: row.params,
    status: row.status,
    progress: { done: row.done, total: row.total },
    messages: row.messages,
    result: row.result,
    error: row.error,
    requestedBy: row.requested_by,
    createdAt: new Date(row.created_at).toISOString(),
    startedAt: iso(row.started_at),
    heartbeatAt: iso(row.heartbeat_at),
    finishedAt: iso(row.finished_at),
  };
}
