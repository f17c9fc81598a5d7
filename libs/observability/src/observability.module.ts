import { type DynamicModule, Module, type ModuleMetadata, type Provider } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, type Env } from '@lib/config';
import { CORRELATION_ID_HEADER, correlationMixin, requestCorrelationId } from './correlation';
import { HealthController } from './health.controller';
import { METRICS_REGISTRY, createMetricsRegistry } from './metrics';
import { MetricsController } from './metrics.controller';
import { READINESS_CHECKS } from './readiness-check';

export interface ObservabilityOptions {
  service: string;
  /** Providers whose instances implement ReadinessCheck, injected by token. */
  readinessChecks: (string | symbol | (abstract new (...args: never[]) => unknown))[];
  /** Modules exporting those providers, when they are not global. */
  imports?: ModuleMetadata['imports'];
}

/** Health endpoints, Prometheus metrics and structured JSON logs, the same in every service. */
@Module({})
export class ObservabilityModule {
  static forService(options: ObservabilityOptions): DynamicModule {
    const checks: Provider = {
      provide: READINESS_CHECKS,
      inject: options.readinessChecks,
      useFactory: (...instances: unknown[]) => instances,
    };
    return {
      module: ObservabilityModule,
      global: true,
      imports: [
        ...(options.imports ?? []),
        LoggerModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: Env) => ({
            pinoHttp: {
              level: config.LOG_LEVEL,
              base: { service: options.service },
              // A request's lines carry its correlation id; work started from a Kafka message
              // carries the message's id through `withCorrelation`.
              genReqId: (req, res) => {
                const id = requestCorrelationId(req);
                res.setHeader(CORRELATION_ID_HEADER, id);
                return id;
              },
              customProps: (req) => ({ correlationId: req.id }),
              mixin: correlationMixin,
              autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
              redact: ['req.headers.authorization', 'req.headers["x-api-key"]'],
            },
          }),
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        checks,
        { provide: METRICS_REGISTRY, useValue: createMetricsRegistry(options.service) },
      ],
      exports: [METRICS_REGISTRY],
    };
  }
}
