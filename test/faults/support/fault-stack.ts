import { SERVICE_NAMES, ServiceProcess, type ServiceName } from '../../../tools/stack/services';
import { faultServiceEnv } from './fault-env';

/** The four services as separate processes from `dist/`, each one stoppable, killable and restartable. */
export class FaultStack {
  private readonly running = new Map<ServiceName, ServiceProcess>();
  private readonly env: Partial<Record<ServiceName, NodeJS.ProcessEnv>> = {};

  constructor(
    private readonly name: string,
    private readonly overrides: NodeJS.ProcessEnv = {},
  ) {}

  /** Starts every service (or the ones named), with per-service environment overrides. */
  async start(
    names: readonly ServiceName[] = SERVICE_NAMES,
    env: Partial<Record<ServiceName, NodeJS.ProcessEnv>> = {},
  ): Promise<void> {
    Object.assign(this.env, env);
    for (const name of names) this.spawn(name);
    await Promise.all(names.map((name) => this.service(name).waitReady(90_000)));
  }

  service(name: ServiceName): ServiceProcess {
    const service = this.running.get(name);
    if (!service) throw new Error(`${name} is not started`);
    return service;
  }

  /** `kill -9`: no chance to finish, commit or close. */
  async kill(name: ServiceName): Promise<void> {
    await this.service(name).kill();
  }

  /** SIGTERM; resolves with how long the process took to exit. */
  async terminate(name: ServiceName, graceMs = 30_000): Promise<number> {
    const startedAt = Date.now();
    await this.service(name).stop(graceMs);
    return Date.now() - startedAt;
  }

  /** Starts a fresh process of a stopped or killed service; resolves once it is ready. */
  async restart(name: ServiceName, readyTimeoutMs = 90_000): Promise<number> {
    const startedAt = Date.now();
    if (this.running.get(name)?.isRunning) throw new Error(`${name} is still running`);
    this.spawn(name);
    await this.service(name).waitReady(readyTimeoutMs);
    return Date.now() - startedAt;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.running.values()].map((service) => service.stop()));
  }

  private spawn(name: ServiceName): void {
    const env = faultServiceEnv({ ...this.overrides, ...this.env[name] });
    this.running.set(
      name,
      new ServiceProcess(name, {
        env,
        output: { file: `test-artifacts/faults-${this.name}-${name}.log` },
      }),
    );
  }
}
