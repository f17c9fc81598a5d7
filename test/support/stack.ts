import { SERVICE_NAMES, ServiceProcess } from '../../tools/stack/services';
import { testServiceEnv } from '../setup/test-env';

/** The four services as separate processes from the build, logging to `test-artifacts/<label>-<service>.log`. */
export async function startStack(
  label: string,
  overrides: NodeJS.ProcessEnv = {},
): Promise<ServiceProcess[]> {
  const env = testServiceEnv(overrides);
  const services = SERVICE_NAMES.map(
    (name) =>
      new ServiceProcess(name, { env, output: { file: `test-artifacts/${label}-${name}.log` } }),
  );
  await Promise.all(services.map((s) => s.waitReady(90_000)));
  return services;
}

export async function stopStack(services: ServiceProcess[]): Promise<void> {
  await Promise.all(services.map((s) => s.stop()));
}
