import { resolveConfig } from '../../../infra/src/config';
import { stopKafka } from '../../../infra/src/kafka';
import { stopSearch } from '../../../infra/src/search-engine';
import { infraOptions } from './fault-env';

/**
 * Stops and starts the fault suite's OWN broker and search node (pid files under .infra/faults);
 * the launcher refuses to stop anything it did not start there.
 */
export async function stopFaultKafka(): Promise<void> {
  const result = await stopKafka(resolveConfig(infraOptions()));
  if (result.outcome !== 'terminated' && result.outcome !== 'killed')
    throw new Error(`fault Kafka not stopped: ${result.outcome}`);
}

export async function stopFaultSearch(): Promise<void> {
  const result = await stopSearch(resolveConfig(infraOptions()));
  if (result.outcome !== 'terminated' && result.outcome !== 'killed')
    throw new Error(`fault search node not stopped: ${result.outcome}`);
}

/** Starts whatever of the two is not running; resolves with how long until both answer. */
export async function startFaultInfra(): Promise<number> {
  const startedAt = Date.now();
  const { ensureInfra } = await import('../../../infra/src');
  await ensureInfra(infraOptions());
  return Date.now() - startedAt;
}
