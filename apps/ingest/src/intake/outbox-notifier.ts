import { Injectable } from '@nestjs/common';

/** Lets intake wake the relay right after a commit without depending on it. */
@Injectable()
export class OutboxNotifier {
  private listener: (() => void) | null = null;

  onNudge(listener: () => void): void {
    this.listener = listener;
  }

  nudge(): void {
    this.listener?.();
  }
}
