import { infraOptions } from './fault-env';

/** Stops the suite's own Kafka and search node (set FAULTS_KEEP_INFRA=1 to look at them afterwards). */
export default async function globalTeardown(): Promise<void> {
  if (process.env.FAULTS_KEEP_INFRA === '1') return;
  const { stopInfra } = await import('../../../infra/src');
  await stopInfra(infraOptions());
}
