import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Lag, stage latency and dead letters of the shared consumer, labelled so dashboards can split them. */
export class ConsumerMetrics {
  private readonly lag: Gauge<'topic' | 'partition' | 'group'>;
  private readonly stage: Histogram<'stage'>;
  private readonly deadLetters: Counter<'topic'>;

  constructor(
    registry: Registry,
    private readonly group: string,
    private readonly stageName: string,
  ) {
    this.lag = new Gauge({
      name: 'newswire_consumer_lag',
      help: 'Messages behind the partition end after the last batch',
      labelNames: ['topic', 'partition', 'group'],
      registers: [registry],
    });
    this.stage = new Histogram({
      name: 'newswire_stage_duration_seconds',
      help: 'Time to settle one batch in a pipeline stage, retries included',
      labelNames: ['stage'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    });
    this.deadLetters = new Counter({
      name: 'newswire_dlq_messages_total',
      help: 'Messages sent to a dead-letter topic',
      labelNames: ['topic'],
      registers: [registry],
    });
  }

  recordLag(topic: string, partition: number, behind: number): void {
    this.lag.set({ topic, partition: String(partition), group: this.group }, behind);
  }

  timeBatch(): () => void {
    return this.stage.startTimer({ stage: this.stageName });
  }

  countDeadLetter(topic: string): void {
    this.deadLetters.inc({ topic });
  }
}
