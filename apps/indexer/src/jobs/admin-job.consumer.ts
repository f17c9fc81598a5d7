import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Topics, adminJobRequestedV1Schema } from '@lib/contracts';
import { DONE, outcomeOf, parseEvent, type InboundBatch, type MessageOutcome } from '@lib/kafka';
import { AdminJobRunner } from './admin-job.runner';

@Controller()
export class AdminJobConsumer {
  constructor(private readonly runner: AdminJobRunner) {}

  /** Each request is claimed and started; the job runs on after the message is acknowledged. */
  @EventPattern(Topics.adminJobRequested)
  async onJobRequested(@Payload() batch: InboundBatch): Promise<MessageOutcome[]> {
    const outcomes: MessageOutcome[] = [];
    for (const message of batch.messages) {
      try {
        await this.runner.start(parseEvent(message, adminJobRequestedV1Schema).payload);
        outcomes.push(DONE);
      } catch (error) {
        outcomes.push(outcomeOf(error));
      }
    }
    return outcomes;
  }
}
