import { Inject, Injectable } from '@nestjs/common';
import { Counter, Histogram, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from '@lib/observability';

/** Bulk latency and failures, and freshness: from ingest's acceptance to the story written in the engine. */
@Injectable()
export class IndexingMetrics {
  private readonly bulkDuration: Histogram;
  private readonly bulkFailures: Counter<'reason'>;
  private readonly freshness: Histogram;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.bulkDuration = new Histogram({
      name: 'newswire_bulk_duration_seconds',
      help: 'Duration of one bulk request to the search engine',
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    this.bulkFailures = new Counter({
      name: 'newswire_bulk_failures_total',
      help: 'Bulk items or requests that failed (retried or dead-lettered); names: the tag names written before a batch',
      labelNames: ['reason'],
      registers: [registry],
    });
    this.freshness = new Histogram({
      name: 'newswire_freshness_seconds',
      help: 'From ingest accepting a story to the indexer writing it (searchable after the next refresh)',
      buckets: [0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30, 60, 300],
      registers: [registry],
    });
  }

  timeBulk(): () => void {
    return this.bulkDuration.startTimer();
  }

  countFailure(reason: 'request' | 'retry' | 'rejected' | 'names'): void {
    this.bulkFailures.inc({ reason });
  }

  observeFreshness(receivedAt: string, now: Date): void {
    this.freshness.observe(Math.max(0, (now.getTime() - Date.parse(receivedAt)) / 1000));
  }
}
