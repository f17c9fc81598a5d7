import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from '@lib/observability';
import type { StoryResult } from './intake.types';
import type { PushByteBudget } from './push-admission';

/**
 * `newswire_ingest_items_total{source,format,outcome}`: accepted, duplicate, stale or rejected;
 * `newswire_ingest_pushes_busy_total{source}`: pushes told to retry because the push budget was
 * taken; `newswire_ingest_push_bytes_in_flight`: the bytes of pushes being handled.
 */
@Injectable()
export class IntakeMetrics {
  private readonly items: Counter<'source' | 'format' | 'outcome'>;
  private readonly busy: Counter<'source'>;

  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {
    this.busy = new Counter({
      name: 'newswire_ingest_pushes_busy_total',
      help: 'Pushes answered 503 INGEST.BUSY (push budget taken), by source',
      labelNames: ['source'],
      registers: [registry],
    });
    this.items = new Counter({
      name: 'newswire_ingest_items_total',
      help: 'Wire items taken in, by source, format and outcome',
      labelNames: ['source', 'format', 'outcome'],
      registers: [registry],
    });
  }

  countResults(source: string, format: string, results: StoryResult[]): void {
    for (const result of results) this.items.inc({ source, format, outcome: result.status });
  }

  countRejected(source: string, format: string): void {
    this.items.inc({ source, format, outcome: 'rejected' });
  }

  countBusy(source: string): void {
    this.busy.inc({ source });
  }

  /** Reports the budget's bytes in use at each scrape. */
  watchBudget(budget: PushByteBudget): void {
    new Gauge({
      name: 'newswire_ingest_push_bytes_in_flight',
      help: 'Bytes of pushes being read and handled (of INGEST_INFLIGHT_MAX_BYTES)',
      registers: [this.registry],
      collect() {
        this.set(budget.inUse);
      },
    });
  }
}
