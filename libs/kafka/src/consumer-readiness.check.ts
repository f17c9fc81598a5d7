import { Injectable } from '@nestjs/common';

/** Something that knows whether its consumer has joined its group. */
export interface ConsumerState {
  isConsuming(): boolean;
}

/** Ready once the service's Kafka consumer runs; `main.ts` hands it the server. */
@Injectable()
export class ConsumerReadinessCheck {
  readonly name = 'kafka-consumer';
  private consumer: ConsumerState | null = null;

  watch(consumer: ConsumerState): void {
    this.consumer = consumer;
  }

  isReady(): Promise<boolean> {
    return Promise.resolve(this.consumer?.isConsuming() ?? false);
  }
}
