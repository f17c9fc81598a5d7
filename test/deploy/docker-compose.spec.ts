import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { envSchema } from '../../libs/config/src/env.schema';
import { MALLOC_ARENA_MAX, heapLimitOption } from '../../tools/stack/heap-limits';
import { SERVICE_NAMES } from '../../tools/stack/services';

const ROOT = resolve(__dirname, '..', '..');

interface ComposeService {
  image?: string;
  build?: { args?: Record<string, string> };
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

/** docker compose cannot run here; `docker-compose config` validates and resolves the file. */
function resolvedCompose(): { services: Record<string, ComposeService> } {
  const text = execFileSync(
    'docker-compose',
    ['-f', resolve(ROOT, 'docker-compose.yml'), 'config'],
    { encoding: 'utf8' },
  );
  return parse(text) as { services: Record<string, ComposeService> };
}

describe('docker-compose.yml', () => {
  const { services } = resolvedCompose();
  const apps = ['ingest', 'enricher', 'indexer', 'api'];

  it('runs the official Kafka, Elasticsearch and PostgreSQL images with health checks', () => {
    expect(services.kafka.image).toMatch(/^apache\/kafka:4\./);
    expect(services.postgres.image).toMatch(/^postgres:/);
    expect(services.elasticsearch.build).toBeDefined();
    for (const name of ['kafka', 'elasticsearch', 'postgres'])
      expect(services[name].healthcheck?.test.length).toBeGreaterThan(0);
  });

  it('builds every service from the one Dockerfile and starts it only once its dependencies are healthy', () => {
    for (const app of apps) {
      expect(services[app].build?.args?.APP).toBe(app);
      expect(services[app].depends_on).toMatchObject({
        kafka: { condition: 'service_healthy' },
        elasticsearch: { condition: 'service_healthy' },
        postgres: { condition: 'service_healthy' },
        migrate: { condition: 'service_completed_successfully' },
      });
    }
  });

  it('uses only environment names the services validate', () => {
    const known = new Set(Object.keys(envSchema.shape));
    for (const app of [...apps, 'migrate']) {
      const names = Object.keys(services[app].environment ?? {});
      expect(names.length).toBeGreaterThan(5);
      expect(names.filter((name) => !known.has(name) && name !== 'NODE_OPTIONS')).toEqual([]);
    }
  });

  it.each(SERVICE_NAMES)('runs %s with the heap limit every launcher uses', (app) => {
    expect(services[app].environment?.NODE_OPTIONS).toBe(heapLimitOption(app));
  });
});

describe('Dockerfile', () => {
  it('bounds malloc arenas in the runtime image as every launcher does', () => {
    const dockerfile = readFileSync(resolve(ROOT, 'Dockerfile'), 'utf8');
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('FROM '));
    expect(runtime).toMatch(new RegExp(`\\bMALLOC_ARENA_MAX=${MALLOC_ARENA_MAX}\\b`));
  });
});
