import { Inject, Injectable } from '@nestjs/common';
import { Counter, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from '@lib/observability';
import type { StoryResult } from './intake.types';

/** `newswire_ingest_items_total{source,format,outcome}`: accepted, duplicate, stale or rejected. */
@Injectable()
export class IntakeMetrics {
  private readonly items: Counter<'source' | 'format' | 'outcome'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
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
}
