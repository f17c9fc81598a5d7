import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as ts from 'typescript';
import { parse, parseAllDocuments } from 'yaml';
import {
  Cluster,
  type ICluster,
} from '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Cluster';
import {
  ScaledObject,
  type IScaledObject,
} from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import { Deployment, type IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import {
  HorizontalPodAutoscaler,
  type IHorizontalPodAutoscaler,
} from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job, type IJob } from 'kubernetes-models/batch/v1/Job';
import { Ingress, type IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import {
  NetworkPolicy,
  type INetworkPolicy,
} from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace, type INamespace } from 'kubernetes-models/v1/Namespace';
import { Service, type IService } from 'kubernetes-models/v1/Service';
import { envSchema } from '../../libs/config/src/env.schema';
import { MAX_EVENT_BYTES, Topics, deadLetterTopic } from '../../libs/contracts/src/topics';
import { heapLimitOption } from '../../tools/stack/heap-limits';

const ROOT = resolve(__dirname, '..', '..');
const APPS = ['ingest', 'enricher', 'indexer', 'api'] as const;
type App = (typeof APPS)[number];
const PORT_VARIABLE: Record<App, keyof typeof envSchema.shape> = {
  api: 'API_PORT',
  ingest: 'INGEST_PORT',
  enricher: 'ENRICHER_PORT',
  indexer: 'INDEXER_PORT',
};
/** Only these take traffic from outside the namespace. */
const PUBLIC_APPS = ['ingest', 'api'];
/** Namespaces of the operators and of Prometheus that policies may let in (docs/operations.md). */
const INFRA_NAMESPACES = ['monitoring', 'keda', 'cnpg-system', 'elastic-system'];
/** Values the services read from Secrets; none of them may sit in a ConfigMap or a literal. */
const SECRET_VARIABLES = ['DATABASE_URL', 'ES_NODE', 'ADMIN_API_KEY'];
/** Runtime variables of Node itself, outside the services' configuration. */
const RUNTIME_VARIABLES = ['NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS'];

// ---- the shapes read from the rendered manifests ----------------------------------------------

interface Selector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}
interface Probe {
  httpGet?: { path?: string; port: number | string };
}
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    secretKeyRef?: { name: string; key: string };
    configMapKeyRef?: { name: string; key: string };
  };
}
interface Container {
  name: string;
  image: string;
  command?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  resources?: {
    requests?: Record<string, string | number>;
    limits?: Record<string, string | number>;
  };
  volumeMounts?: { name: string; mountPath: string }[];
}
interface PodTemplate {
  metadata?: { labels?: Record<string, string> };
  spec: {
    containers: Container[];
    initContainers?: Container[];
    restartPolicy?: string;
    volumes?: { name: string; secret?: { secretName: string }; configMap?: { name: string } }[];
  };
}
interface NetworkPeer {
  podSelector?: Selector;
  namespaceSelector?: Selector;
  ipBlock?: { cidr: string };
}
interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  spec?: {
    replicas?: number;
    selector?: Selector;
    template?: PodTemplate;
    ports?: { name?: string; port: number; targetPort?: number | string }[];
    podSelector?: Selector;
    policyTypes?: string[];
    ingress?: { from?: NetworkPeer[]; ports?: { port?: number | string }[] }[];
    rules?: { http?: { paths: { backend: { service?: { name: string } } }[] } }[];
    scaleTargetRef?: { apiVersion?: string; kind?: string; name: string };
    minReplicas?: number;
    maxReplicas?: number;
    minReplicaCount?: number;
    maxReplicaCount?: number;
    triggers?: { type: string; metadata: Record<string, string> }[];
    maxUnavailable?: number | string;
    minAvailable?: number | string;
    backoffLimit?: number;
  };
}
interface KafkaSpec {
  kafka: {
    version: string;
    listeners: {
      name: string;
      port: number;
      type: string;
      tls: boolean;
      networkPolicyPeers?: NetworkPeer[];
    }[];
    config: Record<string, string | number | boolean>;
  };
  entityOperator?: { topicOperator?: object };
}
interface NodePoolSpec {
  replicas: number;
  roles: string[];
  storage: { type: string; volumes?: { size?: string; type: string; kraftMetadata?: string }[] };
  resources?: Container['resources'];
}
interface TopicSpec {
  topicName?: string;
  partitions: number;
  replicas: number;
  config: Record<string, string | number>;
}
interface ElasticsearchSpec {
  version: string;
  image?: string;
  auth?: { roles?: { secretName: string }[]; fileRealm?: { secretName: string }[] };
  http?: { tls?: { selfSignedCertificate?: { disabled?: boolean } } };
  nodeSets: {
    name: string;
    count: number;
    config?: Record<string, unknown>;
    podTemplate?: { spec?: { containers?: Container[] } };
    volumeClaimTemplates?: {
      metadata: { name: string };
      spec: { resources: { requests: { storage: string } } };
    }[];
  }[];
}
interface PostgresSpec {
  instances: number;
  bootstrap?: { initdb?: { database?: string; owner?: string } };
  storage?: { size?: string };
  resources?: Container['resources'];
}

function specOf<T>(manifest: Manifest): T {
  return manifest.spec as unknown as T;
}

// ---- rendering and schema validation -----------------------------------------------------------

function render(overlay: string): Manifest[] {
  const text = execFileSync('kubectl', ['kustomize', resolve(ROOT, 'k8s', 'overlays', overlay)], {
    encoding: 'utf8',
    maxBuffer: 32 * 1024 * 1024,
  });
  return parseAllDocuments(text).map((document) => {
    if (document.errors.length > 0) throw new Error(document.errors.map(String).join('\n'));
    return document.toJS() as Manifest;
  });
}

interface Model {
  /** Runtime schema validation (types, required fields, enums, formats). */
  validate: (object: Manifest) => void;
  /** Where the model's TypeScript interface lives: unknown fields fail the type check. */
  types: { module: string; name: string };
}

const MODELS: Record<string, Model> = {
  'v1/Namespace': {
    validate: (o) => new Namespace(o as unknown as INamespace).validate(),
    types: { module: 'kubernetes-models/v1/Namespace', name: 'INamespace' },
  },
  'v1/ConfigMap': {
    validate: (o) => new ConfigMap(o).validate(),
    types: { module: 'kubernetes-models/v1/ConfigMap', name: 'IConfigMap' },
  },
  'v1/Service': {
    validate: (o) => new Service(o as unknown as IService).validate(),
    types: { module: 'kubernetes-models/v1/Service', name: 'IService' },
  },
  'apps/v1/Deployment': {
    validate: (o) => new Deployment(o as unknown as IDeployment).validate(),
    types: { module: 'kubernetes-models/apps/v1/Deployment', name: 'IDeployment' },
  },
  'batch/v1/Job': {
    validate: (o) => new Job(o as unknown as IJob).validate(),
    types: { module: 'kubernetes-models/batch/v1/Job', name: 'IJob' },
  },
  'policy/v1/PodDisruptionBudget': {
    validate: (o) => new PodDisruptionBudget(o).validate(),
    types: {
      module: 'kubernetes-models/policy/v1/PodDisruptionBudget',
      name: 'IPodDisruptionBudget',
    },
  },
  'autoscaling/v2/HorizontalPodAutoscaler': {
    validate: (o) =>
      new HorizontalPodAutoscaler(o as unknown as IHorizontalPodAutoscaler).validate(),
    types: {
      module: 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler',
      name: 'IHorizontalPodAutoscaler',
    },
  },
  'networking.k8s.io/v1/NetworkPolicy': {
    validate: (o) => new NetworkPolicy(o as unknown as INetworkPolicy).validate(),
    types: {
      module: 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy',
      name: 'INetworkPolicy',
    },
  },
  'networking.k8s.io/v1/Ingress': {
    validate: (o) => new Ingress(o as unknown as IIngress).validate(),
    types: { module: 'kubernetes-models/networking.k8s.io/v1/Ingress', name: 'IIngress' },
  },
  'keda.sh/v1alpha1/ScaledObject': {
    validate: (o) => new ScaledObject(o as unknown as IScaledObject).validate(),
    types: {
      module: '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject',
      name: 'IScaledObject',
    },
  },
  'postgresql.cnpg.io/v1/Cluster': {
    validate: (o) => new Cluster(o as unknown as ICluster).validate(),
    types: {
      module: '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Cluster',
      name: 'ICluster',
    },
  },
};
/** Custom resources without a published model: their essential fields are asserted below. */
const CHECKED_BY_HAND = [
  'kafka.strimzi.io/v1/Kafka',
  'kafka.strimzi.io/v1/KafkaNodePool',
  'kafka.strimzi.io/v1/KafkaTopic',
  'elasticsearch.k8s.elastic.co/v1/Elasticsearch',
];

const typeOf = (manifest: Manifest): string => `${manifest.apiVersion}/${manifest.kind}`;
const label = (manifest: Manifest): string => `${manifest.kind}/${manifest.metadata.name}`;

function schemaErrors(manifests: Manifest[]): string[] {
  const errors: string[] = [];
  for (const manifest of manifests) {
    const model = MODELS[typeOf(manifest)];
    if (!model) {
      if (!CHECKED_BY_HAND.includes(typeOf(manifest)))
        errors.push(`${label(manifest)}: no schema for ${typeOf(manifest)}`);
      continue;
    }
    try {
      model.validate(manifest);
    } catch (error) {
      errors.push(`${label(manifest)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return errors;
}

/**
 * The JSON schemas accept fields they do not know, so a misspelt field would pass them silently.
 * Type-checking every object as a literal of its model's interface rejects unknown fields
 * (TypeScript's excess property check) and wrong types, anywhere in the object.
 */
function typeErrors(manifests: Manifest[]): string[] {
  const fileName = resolve(ROOT, 'test', 'deploy', '__rendered-manifests__.ts');
  const imports = new Map<string, string>();
  const body: string[] = [];
  const owners: { line: number; name: string }[] = [];
  let line = 0;
  manifests.forEach((manifest, index) => {
    const model = MODELS[typeOf(manifest)];
    if (!model) return;
    const alias = `T${imports.size}`;
    if (!imports.has(model.types.module)) imports.set(model.types.module, alias);
    const literal = `export const m${index}: ${imports.get(model.types.module)} = ${JSON.stringify(manifest, null, 2)};`;
    owners.push({ line, name: label(manifest) });
    body.push(literal);
    line += literal.split('\n').length;
  });
  const header = [...imports].map(([module, alias]) => {
    const name =
      Object.values(MODELS).find((model) => model.types.module === module)?.types.name ?? '';
    return `import type { ${name} as ${alias} } from '${module}';`;
  });
  const source = [...header, ...body].join('\n');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    target: ts.ScriptTarget.ES2022,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, language, ...rest) =>
    name === fileName
      ? ts.createSourceFile(name, source, language)
      : getSourceFile.call(host, name, language, ...rest);
  host.fileExists = (name) => name === fileName || fileExists.call(host, name);
  host.readFile = (name) => (name === fileName ? source : readFile.call(host, name));
  const program = ts.createProgram([fileName], options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    if (diagnostic.file?.fileName !== fileName || diagnostic.start === undefined) return message;
    const at = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line - header.length;
    const owner = [...owners].reverse().find((candidate) => candidate.line <= at);
    return `${owner?.name ?? '?'}: ${message}`;
  });
}

// ---- helpers over the rendered objects ----------------------------------------------------------

function matches(selector: Selector | undefined, labels: Record<string, string>): boolean {
  if (!selector) return true;
  const byLabels = Object.entries(selector.matchLabels ?? {}).every(
    ([key, value]) => labels[key] === value,
  );
  const byExpressions = (selector.matchExpressions ?? []).every(
    ({ key, operator, values = [] }) => {
      switch (operator) {
        case 'In':
          return key in labels && values.includes(labels[key]);
        case 'NotIn':
          return !(key in labels) || !values.includes(labels[key]);
        case 'Exists':
          return key in labels;
        case 'DoesNotExist':
          return !(key in labels);
        default:
          throw new Error(`unknown selector operator ${operator}`);
      }
    },
  );
  return byLabels && byExpressions;
}

/** A peer that lets in more than named pods of this namespace or a named infrastructure namespace. */
function isOutsidePeer(peer: NetworkPeer): boolean {
  if (peer.ipBlock) return true;
  if (!peer.namespaceSelector) return false;
  const pinned = peer.namespaceSelector.matchLabels?.['kubernetes.io/metadata.name'];
  return !pinned || !INFRA_NAMESPACES.includes(pinned);
}

function parseQuantity(value: string | number | undefined): number {
  if (value === undefined) return Number.NaN;
  const match = /^(\d+(?:\.\d+)?)(m|Ki|Mi|Gi|Ti)?$/.exec(String(value));
  if (!match) return Number.NaN;
  const factor: Record<string, number> = {
    m: 1e-3,
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
  };
  return Number(match[1]) * (match[2] ? factor[match[2]] : 1);
}

function dockerfile(): { version: string; text: string } {
  const text = readFileSync(resolve(ROOT, 'infra', 'docker', 'elasticsearch.Dockerfile'), 'utf8');
  const version = /^FROM docker\.elastic\.co\/elasticsearch\/elasticsearch:(\S+)/m.exec(text)?.[1];
  if (!version) throw new Error('elasticsearch.Dockerfile names no Elasticsearch image');
  return { version, text };
}

const operationsGuide = readFileSync(resolve(ROOT, 'docs', 'operations.md'), 'utf8');

// ---- the overlays ------------------------------------------------------------------------------

const EXPECTED = {
  dev: {
    partitions: 3,
    replicationFactor: 1,
    elasticsearchNodes: 1,
    postgresInstances: 1,
    controllers: 1,
    brokers: 1,
  },
  prod: {
    partitions: 12,
    replicationFactor: 3,
    elasticsearchNodes: 3,
    postgresInstances: 3,
    controllers: 3,
    brokers: 3,
  },
};

describe.each(Object.entries(EXPECTED))('k8s/overlays/%s', (overlay, expected) => {
  const manifests = render(overlay);
  const all = (kind: string): Manifest[] => manifests.filter((manifest) => manifest.kind === kind);
  const one = (kind: string, name: string): Manifest => {
    const found = manifests.filter(
      (manifest) => manifest.kind === kind && manifest.metadata.name === name,
    );
    if (found.length !== 1) throw new Error(`expected one ${kind}/${name}, found ${found.length}`);
    return found[0];
  };
  const namespace = all('Namespace')[0]?.metadata.name;
  const configMap = (name: string): Record<string, string> => one('ConfigMap', name).data ?? {};
  const podSpec = (manifest: Manifest): PodTemplate['spec'] => {
    const template = manifest.spec?.template;
    if (!template) throw new Error(`${label(manifest)} has no pod template`);
    return template.spec;
  };
  /** The environment a container gets from its ConfigMaps and literal values (secrets excluded). */
  const plainEnvironment = (container: Container): Record<string, string> => {
    const fromMaps = (container.envFrom ?? []).map((source) =>
      source.configMapRef ? configMap(source.configMapRef.name) : {},
    );
    const literals = Object.fromEntries(
      (container.env ?? [])
        .filter((v) => v.value !== undefined)
        .map((v) => [v.name, v.value ?? '']),
    );
    return Object.assign({}, ...fromMaps, literals) as Record<string, string>;
  };
  const deployment = (app: App): Manifest => one('Deployment', `newswire-${app}`);
  const container = (app: App): Container => {
    const found = podSpec(deployment(app)).containers.find((candidate) => candidate.name === app);
    if (!found) throw new Error(`Deployment newswire-${app} has no container ${app}`);
    return found;
  };
  const workloads = (): {
    name: string;
    labels: Record<string, string>;
    containers: Container[];
  }[] =>
    [...all('Deployment'), ...all('Job')].map((manifest) => ({
      name: label(manifest),
      labels: manifest.spec?.template?.metadata?.labels ?? {},
      containers: podSpec(manifest).containers,
    }));
  const kafka = (): { name: string; spec: KafkaSpec } => {
    const [resource] = all('Kafka');
    return { name: resource.metadata.name, spec: specOf<KafkaSpec>(resource) };
  };
  const topics = (): TopicSpec[] => all('KafkaTopic').map((topic) => specOf<TopicSpec>(topic));

  it('validates every rendered object against its schema', () => {
    expect(manifests.length).toBeGreaterThan(30);
    expect(schemaErrors(manifests)).toEqual([]);
  });

  it('uses no field the schemas do not know (type-checked against the models)', () => {
    expect(typeErrors(manifests)).toEqual([]);
  }, 120_000);

  it('puts every object in the one namespace', () => {
    expect(namespace).toBe('newswire');
    const namespaced = manifests.filter((manifest) => manifest.kind !== 'Namespace');
    expect(
      namespaced.filter((manifest) => manifest.metadata.namespace !== namespace).map(label),
    ).toEqual([]);
  });

  it.each(APPS)(
    'runs %s as a Deployment with its own Service and ConfigMap, from the image built for it',
    (app) => {
      const main = container(app);
      expect(main.image).toMatch(new RegExp(`(^|/)newswire/${app}:[\\w.-]+$`));
      expect(main.command).toEqual(['node', `dist/apps/${app}/src/main.js`]);
      const maps = (main.envFrom ?? []).map((source) => source.configMapRef?.name ?? '');
      expect(maps.some((name) => name.startsWith(`newswire-${app}-`))).toBe(true);
      for (const name of maps) expect(one('ConfigMap', name)).toBeDefined();

      // The same heap limit as every other launcher of the service.
      expect(plainEnvironment(main).NODE_OPTIONS).toBe(heapLimitOption(app));
      const port = Number(plainEnvironment(main)[PORT_VARIABLE[app]]);
      expect(port).toBe(envSchema.shape[PORT_VARIABLE[app]].parse(undefined));
      const http = main.ports?.find((candidate) => candidate.name === 'http');
      expect(http?.containerPort).toBe(port);

      const service = one('Service', `newswire-${app}`);
      const podLabels = deployment(app).spec?.template?.metadata?.labels ?? {};
      expect(
        matches({ matchLabels: service.spec?.selector as Record<string, string> }, podLabels),
      ).toBe(true);
      expect(matches(deployment(app).spec?.selector, podLabels)).toBe(true);
      expect(service.spec?.ports).toEqual([expect.objectContaining({ port, targetPort: 'http' })]);
    },
  );

  it.each(APPS)('probes %s on /health/live and /health/ready of its HTTP port', (app) => {
    const main = container(app);
    expect(main.livenessProbe?.httpGet).toEqual({ path: '/health/live', port: 'http' });
    expect(main.readinessProbe?.httpGet).toEqual({ path: '/health/ready', port: 'http' });
    expect(main.startupProbe?.httpGet?.path).toBe('/health/live');
    expect(plainEnvironment(main).HTTP_HOST).toBe('0.0.0.0');
  });

  it('sets CPU and memory requests and a memory limit on every container', () => {
    const missing = workloads().flatMap(({ name, containers }) =>
      containers
        .filter(
          (c) =>
            !(
              parseQuantity(c.resources?.requests?.cpu) > 0 &&
              parseQuantity(c.resources?.requests?.memory) > 0 &&
              parseQuantity(c.resources?.limits?.memory) >=
                parseQuantity(c.resources?.requests?.memory)
            ),
        )
        .map((c) => `${name}/${c.name}`),
    );
    expect(missing).toEqual([]);
  });

  it('configures the services only with variables they validate, and valid values', () => {
    const known = new Set(Object.keys(envSchema.shape));
    const ours = all('ConfigMap').filter(
      (map) => map.metadata.labels?.['app.kubernetes.io/part-of'] === 'newswire',
    );
    expect(ours.length).toBeGreaterThanOrEqual(APPS.length + 1);
    for (const map of ours)
      expect(
        Object.keys(map.data ?? {}).filter(
          (key) => !known.has(key) && !RUNTIME_VARIABLES.includes(key),
        ),
      ).toEqual([]);
    for (const { name, containers } of workloads()) {
      for (const c of containers) {
        const names = (c.env ?? []).map((v) => v.name);
        expect({
          workload: name,
          unknown: names.filter((n) => !known.has(n) && !RUNTIME_VARIABLES.includes(n)),
        }).toEqual({ workload: name, unknown: [] });
        const secrets = {
          DATABASE_URL: 'postgresql://newswire:secret@newswire-pg-rw:5432/newswire',
          ES_NODE: 'https://newswire-app:secret@newswire-es-http:9200',
          ADMIN_API_KEY: 'k'.repeat(32),
        };
        const parsed = envSchema.safeParse({ ...plainEnvironment(c), ...secrets });
        expect({ workload: name, issues: parsed.success ? [] : parsed.error.issues }).toEqual({
          workload: name,
          issues: [],
        });
      }
    }
  });

  it('references Secrets without embedding any, and keeps credentials out of ConfigMaps', () => {
    expect(manifests.filter((manifest) => manifest.kind === 'Secret').map(label)).toEqual([]);
    for (const map of all('ConfigMap')) {
      for (const [key, value] of Object.entries(map.data ?? {})) {
        expect({ key, secret: SECRET_VARIABLES.includes(key) }).toEqual({ key, secret: false });
        expect({ key, credentials: /:\/\/[^/\s]*@/.test(value) }).toEqual({
          key,
          credentials: false,
        });
      }
    }
    const referenced = new Set<string>();
    for (const { name, containers } of workloads()) {
      for (const c of containers) {
        for (const variable of c.env ?? []) {
          if (SECRET_VARIABLES.includes(variable.name)) {
            expect({ workload: name, variable: variable.name, value: variable.value }).toEqual({
              workload: name,
              variable: variable.name,
              value: undefined,
            });
            expect(variable.valueFrom?.secretKeyRef).toBeDefined();
          }
          if (variable.valueFrom?.secretKeyRef)
            referenced.add(variable.valueFrom.secretKeyRef.name);
        }
      }
    }
    for (const manifest of [...all('Deployment'), ...all('Job')]) {
      for (const volume of podSpec(manifest).volumes ?? [])
        if (volume.secret) referenced.add(volume.secret.secretName);
    }
    const elasticsearch = specOf<ElasticsearchSpec>(all('Elasticsearch')[0]);
    for (const ref of [
      ...(elasticsearch.auth?.roles ?? []),
      ...(elasticsearch.auth?.fileRealm ?? []),
    ])
      referenced.add(ref.secretName);
    expect(referenced.size).toBeGreaterThanOrEqual(5);
    // Each Secret the manifests expect is one the operators make or one the guide says how to create.
    for (const name of referenced)
      expect({ name, documented: operationsGuide.includes(name) }).toEqual({
        name,
        documented: true,
      });

    const databaseUrl = (app: App) =>
      container(app).env?.find((v) => v.name === 'DATABASE_URL')?.valueFrom?.secretKeyRef;
    const postgres = all('Cluster')[0].metadata.name;
    for (const app of ['ingest', 'api'] as const)
      expect(databaseUrl(app)).toEqual({ name: `${postgres}-app`, key: 'uri' });
    expect(
      container('ingest').env?.find((v) => v.name === 'ADMIN_API_KEY')?.valueFrom?.secretKeyRef,
    ).toBeDefined();
    for (const app of ['indexer', 'api'] as const) {
      const env = container(app).env ?? [];
      expect(env.find((v) => v.name === 'ES_NODE')?.valueFrom?.secretKeyRef).toBeDefined();
      const ca = env.find((v) => v.name === 'NODE_EXTRA_CA_CERTS')?.value ?? '';
      const mount = container(app).volumeMounts?.find((m) => ca.startsWith(`${m.mountPath}/`));
      const volume = podSpec(deployment(app)).volumes?.find((v) => v.name === mount?.name);
      expect(volume?.secret?.secretName).toBe(
        `${all('Elasticsearch')[0].metadata.name}-es-http-certs-public`,
      );
    }
  });

  it('lets traffic from outside reach only ingest and api', () => {
    const policies = all('NetworkPolicy');
    const pods = [
      ...workloads(),
      {
        name: 'elasticsearch',
        labels: {
          'elasticsearch.k8s.elastic.co/cluster-name': all('Elasticsearch')[0].metadata.name,
        },
        containers: [],
      },
      {
        name: 'postgres',
        labels: { 'cnpg.io/cluster': all('Cluster')[0].metadata.name },
        containers: [],
      },
    ];
    const selecting = (pod: { labels: Record<string, string> }) =>
      policies.filter(
        (policy) =>
          policy.spec?.policyTypes?.includes('Ingress') &&
          matches(policy.spec.podSelector, pod.labels),
      );

    // Every pod is isolated for ingress by at least one policy, so only what is allowed gets in.
    expect(pods.filter((pod) => selecting(pod).length === 0).map((pod) => pod.name)).toEqual([]);

    const openTo = (pod: { labels: Record<string, string> }) =>
      selecting(pod)
        .flatMap((policy) => policy.spec?.ingress ?? [])
        .filter((rule) => !rule.from || rule.from.length === 0 || rule.from.some(isOutsidePeer));
    const reachable = pods
      .filter((pod) => openTo(pod).length > 0)
      .map((pod) => pod.labels['app.kubernetes.io/name']);
    expect(reachable.sort()).toEqual([...PUBLIC_APPS].sort());
    for (const app of PUBLIC_APPS) {
      const pod = pods.find((candidate) => candidate.labels['app.kubernetes.io/name'] === app);
      expect(
        openTo(pod ?? { labels: {} })
          .flatMap((rule) => rule.ports ?? [])
          .map((p) => p.port),
      ).toEqual(['http']);
    }
    // Kafka's listener is restricted by Strimzi from these peers, none of them open.
    const plain = kafka().spec.kafka.listeners.find((listener) => listener.name === 'plain');
    expect(plain?.networkPolicyPeers?.length).toBeGreaterThan(0);
    expect(plain?.networkPolicyPeers?.filter(isOutsidePeer)).toEqual([]);
  });

  it.each(APPS)(
    'gives %s the credentials and network access for the stores its module uses',
    (app) => {
      const module = readFileSync(resolve(ROOT, 'apps', app, 'src', `${app}.module.ts`), 'utf8');
      const stores: {
        uses: boolean;
        variable: string;
        pods: Record<string, string>;
        port: number;
      }[] = [
        {
          uses: /\bDatabaseModule\b/.test(module),
          variable: 'DATABASE_URL',
          pods: { 'cnpg.io/cluster': all('Cluster')[0].metadata.name },
          port: 5432,
        },
        {
          uses: /\bSearchModule\b/.test(module),
          variable: 'ES_NODE',
          pods: {
            'elasticsearch.k8s.elastic.co/cluster-name': all('Elasticsearch')[0].metadata.name,
          },
          port: 9200,
        },
      ];
      const podLabels = deployment(app).spec?.template?.metadata?.labels ?? {};
      for (const store of stores.filter((candidate) => candidate.uses)) {
        expect({
          app,
          variable: store.variable,
          secret: container(app).env?.some(
            (v) => v.name === store.variable && v.valueFrom?.secretKeyRef,
          ),
        }).toEqual({
          app,
          variable: store.variable,
          secret: true,
        });
        const allowed = all('NetworkPolicy')
          .filter((policy) => matches(policy.spec?.podSelector, store.pods))
          .flatMap((policy) => policy.spec?.ingress ?? [])
          .some(
            (rule) =>
              (rule.from ?? []).some(
                (peer) =>
                  !peer.namespaceSelector && !peer.ipBlock && matches(peer.podSelector, podLabels),
              ) && (rule.ports ?? []).some((p) => p.port === store.port),
          );
        expect({ app, reaches: store.variable, allowed }).toEqual({
          app,
          reaches: store.variable,
          allowed: true,
        });
      }
    },
  );

  it('exposes only ingest and api through the Ingress', () => {
    const backends = all('Ingress').flatMap((ingress) =>
      (ingress.spec?.rules ?? []).flatMap(
        (rule) => rule.http?.paths.map((path) => path.backend.service?.name) ?? [],
      ),
    );
    expect([...new Set(backends)].sort()).toEqual(['newswire-api', 'newswire-ingest']);
  });

  it('keeps a PodDisruptionBudget for every service', () => {
    for (const app of APPS) {
      const budgets = all('PodDisruptionBudget').filter((pdb) =>
        matches(pdb.spec?.selector, deployment(app).spec?.template?.metadata?.labels ?? {}),
      );
      expect({ app, budgets: budgets.length }).toEqual({ app, budgets: 1 });
      expect(budgets[0].spec?.maxUnavailable ?? budgets[0].spec?.minAvailable).toBeDefined();
    }
  });

  it('scales the api with an HPA and leaves its replica count to it', () => {
    const hpas = all('HorizontalPodAutoscaler');
    expect(hpas.map((hpa) => hpa.spec?.scaleTargetRef)).toEqual([
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'newswire-api' },
    ]);
    const [hpa] = hpas;
    expect(hpa.spec?.minReplicas).toBeGreaterThanOrEqual(overlay === 'prod' ? 2 : 1);
    expect(hpa.spec?.maxReplicas).toBeGreaterThan(hpa.spec?.minReplicas ?? 0);
    expect(deployment('api').spec?.replicas).toBeUndefined();
  });

  it.each([
    ['enricher', Topics.storyIngested],
    ['indexer', Topics.storyEnriched],
  ] as const)('scales the %s on the consumer lag of its group on %s', (app, topic) => {
    const scaled = all('ScaledObject').filter(
      (object) => object.spec?.scaleTargetRef?.name === `newswire-${app}`,
    );
    expect(scaled).toHaveLength(1);
    const { spec } = scaled[0];
    expect(spec?.scaleTargetRef?.kind ?? 'Deployment').toBe('Deployment');
    expect(deployment(app).spec?.replicas).toBeUndefined();
    const common = plainEnvironment(container(app));
    const [trigger, ...others] = spec?.triggers ?? [];
    expect(others).toEqual([]);
    expect(trigger.type).toBe('kafka');
    expect(trigger.metadata).toMatchObject({
      consumerGroup: `${common.KAFKA_GROUP_PREFIX}.${app}`,
      topic,
      bootstrapServers: common.KAFKA_BROKERS,
    });
    expect(Number(trigger.metadata.lagThreshold)).toBeGreaterThan(0);
    // The KEDA operator resolves the address from its own namespace: it must be fully qualified.
    expect(trigger.metadata.bootstrapServers).toBe(
      `${kafka().name}-kafka-bootstrap.${namespace}.svc:9092`,
    );
    const partitions = topics().find((t) => t.topicName === topic)?.partitions ?? 0;
    expect(spec?.maxReplicaCount).toBeLessThanOrEqual(partitions);
    expect(spec?.minReplicaCount).toBeGreaterThanOrEqual(1);
  });

  it('migrates the database with a Job from the api image', () => {
    const job = one('Job', 'newswire-migrate');
    const [migrate] = podSpec(job).containers;
    expect(migrate.command).toEqual(['node', 'dist/tools/cli/main.js', 'migrate']);
    expect(migrate.image).toBe(container('api').image);
    expect(['Never', 'OnFailure']).toContain(podSpec(job).restartPolicy);
    expect(job.spec?.backoffLimit).toBeGreaterThan(0);
    expect(migrate.env?.find((v) => v.name === 'DATABASE_URL')?.valueFrom?.secretKeyRef).toEqual({
      name: `${all('Cluster')[0].metadata.name}-app`,
      key: 'uri',
    });
  });

  it('runs Kafka in KRaft mode with node pools sized for the replication factor', () => {
    const { name, spec } = kafka();
    expect(all('Kafka')).toHaveLength(1);
    expect(spec.kafka.version).toMatch(/^4\.\d+\.\d+$/);
    expect(spec.kafka.listeners).toContainEqual(
      expect.objectContaining({ name: 'plain', port: 9092, type: 'internal', tls: false }),
    );
    expect(spec.kafka.config['auto.create.topics.enable']).toBe(false);
    expect(spec.entityOperator?.topicOperator).toBeDefined();
    const pools = all('KafkaNodePool');
    for (const pool of pools) expect(pool.metadata.labels?.['strimzi.io/cluster']).toBe(name);
    const count = (role: string) =>
      pools
        .map((pool) => specOf<NodePoolSpec>(pool))
        .filter((pool) => pool.roles.includes(role))
        .reduce((sum, pool) => sum + pool.replicas, 0);
    expect(count('controller')).toBe(expected.controllers);
    expect(count('broker')).toBe(expected.brokers);
    for (const pool of pools.map((p) => specOf<NodePoolSpec>(p))) {
      expect(
        pool.storage.volumes?.every(
          (volume) => volume.type === 'persistent-claim' && parseQuantity(volume.size) > 0,
        ),
      ).toBe(true);
      expect(parseQuantity(pool.resources?.limits?.memory)).toBeGreaterThan(0);
    }
    const config = spec.kafka.config;
    expect(Number(config['offsets.topic.replication.factor'])).toBe(expected.replicationFactor);
    expect(Number(config['default.replication.factor'])).toBe(expected.replicationFactor);
    expect(Number(config['min.insync.replicas'])).toBe(Math.max(1, expected.replicationFactor - 1));
    // The bootstrap address the services use is the one of this cluster.
    expect(plainEnvironment(container('ingest')).KAFKA_BROKERS).toBe(
      `${name}-kafka-bootstrap.${namespace}.svc:9092`,
    );
  });

  it('declares every pipeline topic with the partitions and replicas the services create them with', () => {
    const pipeline = Object.values(Topics).flatMap((topic) => [topic, deadLetterTopic(topic)]);
    expect(
      topics()
        .map((topic) => topic.topicName)
        .sort(),
    ).toEqual([...pipeline].sort());
    const common = configMap(
      all('ConfigMap').find((map) => map.metadata.name.startsWith('newswire-common-'))?.metadata
        .name ?? '',
    );
    expect(Number(common.KAFKA_TOPIC_PARTITIONS)).toBe(expected.partitions);
    expect(Number(common.KAFKA_REPLICATION_FACTOR)).toBe(expected.replicationFactor);
    for (const topic of all('KafkaTopic')) {
      const spec = specOf<TopicSpec>(topic);
      expect(topic.metadata.labels?.['strimzi.io/cluster']).toBe(kafka().name);
      expect(topic.metadata.name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
      expect({
        topic: spec.topicName,
        partitions: spec.partitions,
        replicas: spec.replicas,
      }).toEqual({
        topic: spec.topicName,
        partitions: expected.partitions,
        replicas: expected.replicationFactor,
      });
      expect(Number(spec.config['retention.ms'])).toBeGreaterThanOrEqual(24 * 3600 * 1000);
      // Large stories fit: the default 1 MiB would hold them in the outbox forever.
      expect(Number(spec.config['max.message.bytes'])).toBe(MAX_EVENT_BYTES);
      if (spec.topicName?.endsWith('.dlq')) {
        const source = topics().find((t) => `${t.topicName}.dlq` === spec.topicName);
        expect(Number(spec.config['retention.ms'])).toBeGreaterThanOrEqual(
          Number(source?.config['retention.ms']),
        );
      }
      expect(Number(spec.config['min.insync.replicas'])).toBeLessThanOrEqual(
        Math.max(1, spec.replicas - 1),
      );
    }
  });

  it('runs Elasticsearch from the image with the hunspell dictionary the index analyses with', () => {
    const resources = all('Elasticsearch');
    expect(resources).toHaveLength(1);
    const spec = specOf<ElasticsearchSpec>(resources[0]);
    const { version, text } = dockerfile();
    expect(spec.version).toBe(version);
    expect(spec.version).toMatch(/^8\.19\./);
    // Not the stock image: the one built from infra/docker/elasticsearch.Dockerfile, same version.
    expect(spec.image).toMatch(
      new RegExp(`(^|/)newswire/elasticsearch:${version.replace(/\./g, '\\.')}$`),
    );
    const index = JSON.parse(
      readFileSync(resolve(ROOT, 'libs', 'search', 'src', 'stories.index.json'), 'utf8'),
    ) as {
      settings: { analysis: { filter: Record<string, { type: string; locale?: string }> } };
    };
    const locales = Object.values(index.settings.analysis.filter)
      .filter((f) => f.type === 'hunspell')
      .map((f) => f.locale);
    expect(locales.length).toBeGreaterThan(0);
    for (const locale of locales)
      expect(text).toContain(`/usr/share/elasticsearch/config/hunspell/${locale}/`);

    expect(spec.nodeSets.reduce((sum, set) => sum + set.count, 0)).toBe(
      expected.elasticsearchNodes,
    );
    for (const set of spec.nodeSets) {
      const es = set.podTemplate?.spec?.containers?.find((c) => c.name === 'elasticsearch');
      expect(parseQuantity(es?.resources?.limits?.memory)).toBeGreaterThanOrEqual(2 * 2 ** 30);
      expect(
        set.volumeClaimTemplates?.find((claim) => claim.metadata.name === 'elasticsearch-data')
          ?.spec.resources.requests.storage,
      ).toBeDefined();
    }
    // HTTPS stays on (the services trust ECK's CA); they log in as a file-realm user with its role.
    expect(spec.http?.tls?.selfSignedCertificate?.disabled).not.toBe(true);
    expect(spec.auth?.fileRealm?.length).toBe(1);
    const roles = parse(
      readFileSync(resolve(ROOT, 'k8s', 'base', 'engines', 'elasticsearch-roles.yml'), 'utf8'),
    ) as Record<string, { cluster: string[]; indices: { names: string[] }[] }>;
    const alias = plainEnvironment(container('indexer')).ES_STORIES_ALIAS;
    expect(
      Object.values(roles).some(
        (role) =>
          role.cluster.includes('monitor') &&
          role.indices.some((i) => i.names.includes(alias) && i.names.includes(`${alias}-*`)),
      ),
    ).toBe(true);
  });

  it('runs PostgreSQL as a CloudNativePG cluster whose app secret holds DATABASE_URL', () => {
    const clusters = all('Cluster');
    expect(clusters).toHaveLength(1);
    const spec = specOf<PostgresSpec>(clusters[0]);
    expect(spec.instances).toBe(expected.postgresInstances);
    expect(spec.bootstrap?.initdb).toEqual({ database: 'newswire', owner: 'newswire' });
    expect(parseQuantity(spec.storage?.size)).toBeGreaterThan(0);
    expect(parseQuantity(spec.resources?.limits?.memory)).toBeGreaterThan(0);
  });
});

// ---- dashboards and alerts ---------------------------------------------------------------------

/** The metrics the services expose (names fixed: dashboards and alerts depend on them). */
const METRICS = {
  newswire_ingest_items_total: 'counter',
  newswire_consumer_lag: 'gauge',
  newswire_stage_duration_seconds: 'histogram',
  newswire_freshness_seconds: 'histogram',
  newswire_bulk_duration_seconds: 'histogram',
  newswire_bulk_failures_total: 'counter',
  newswire_dlq_messages_total: 'counter',
  newswire_source_last_item_timestamp_seconds: 'gauge',
  newswire_source_idle_window_seconds: 'gauge',
  newswire_api_request_duration_seconds: 'histogram',
  newswire_api_engine_seconds: 'histogram',
  newswire_api_busy_total: 'counter',
} as const;

function seriesNames(): Set<string> {
  const names = new Set<string>();
  for (const [name, type] of Object.entries(METRICS)) {
    if (type === 'histogram')
      for (const suffix of ['_bucket', '_sum', '_count']) names.add(name + suffix);
    else names.add(name);
  }
  return names;
}

function metricsIn(expression: string): string[] {
  return [...expression.matchAll(/\bnewswire_[a-z_]+\b/g)].map((match) => match[0]);
}

/** A counter read without a range (`[5m]`) is a raw total: it resets on restarts and never falls. */
function readsRawCounter(expression: string): boolean {
  const counters = Object.keys(METRICS).filter((metric) => metric.endsWith('_total'));
  const compact = expression.replace(/\s+/g, '');
  return counters.some((counter) =>
    new RegExp(`\\b${counter}(\\{[^}]*\\})?(?!\\{|\\[)`).test(compact),
  );
}

function balanced(expression: string): boolean {
  let depth = 0;
  for (const char of expression.replace(/"[^"]*"/g, '')) {
    if ('([{'.includes(char)) depth += 1;
    if (')]}'.includes(char)) depth -= 1;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** GitHub's heading anchors, which the runbook links use. */
function anchors(markdown: string): Set<string> {
  return new Set(
    [...markdown.matchAll(/^#{1,6}\s+(.+)$/gm)].map((match) =>
      match[1]
        .trim()
        .toLowerCase()
        .replace(/[^\w\- ]/g, '')
        .replace(/ /g, '-'),
    ),
  );
}

describe('ops/prometheus/newswire-alerts.yml', () => {
  interface Rule {
    alert?: string;
    record?: string;
    expr: string;
    for?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  }
  const file = parse(
    readFileSync(resolve(ROOT, 'ops', 'prometheus', 'newswire-alerts.yml'), 'utf8'),
  ) as { groups: { name: string; rules: Rule[] }[] };
  const rules = file.groups.flatMap((group) => group.rules);
  const alerts = rules.filter((rule) => rule.alert);

  it.each([
    ['NewswireDeadLetterGrowing', ['newswire_dlq_messages_total']],
    ['NewswireConsumerLagRising', ['newswire_consumer_lag']],
    [
      'NewswireSourceQuiet',
      ['newswire_source_last_item_timestamp_seconds', 'newswire_source_idle_window_seconds'],
    ],
    ['NewswireFreshnessOverBudget', ['newswire_freshness_seconds_bucket']],
    ['NewswireSearchSlow', ['newswire_api_request_duration_seconds_bucket']],
  ])('alerts on %s from the metric it is about', (name, metrics) => {
    const rule = alerts.find((candidate) => candidate.alert === name);
    expect(rule).toBeDefined();
    for (const metric of metrics) expect(metricsIn(rule?.expr ?? '')).toContain(metric);
  });

  it('gives every alert a valid expression, a severity, a summary and a runbook in docs/operations.md', () => {
    const known = seriesNames();
    const headings = anchors(operationsGuide);
    expect(file.groups.length).toBeGreaterThan(0);
    for (const rule of alerts) {
      const problems = [
        ...metricsIn(rule.expr)
          .filter((metric) => !known.has(metric))
          .map((metric) => `unknown metric ${metric}`),
        ...(balanced(rule.expr) ? [] : ['unbalanced brackets']),
        ...(rule.for === undefined || /^\d+[smh]$/.test(rule.for)
          ? []
          : [`bad duration ${rule.for}`]),
        ...(['critical', 'warning', 'info'].includes(rule.labels?.severity ?? '')
          ? []
          : ['no severity']),
        ...(rule.annotations?.summary ? [] : ['no summary']),
      ];
      const runbook = /^docs\/operations\.md#([\w-]+)$/.exec(
        rule.annotations?.runbook_url ?? '',
      )?.[1];
      if (!runbook || !headings.has(runbook))
        problems.push(`runbook ${rule.annotations?.runbook_url ?? '(none)'} not found`);
      expect({ alert: rule.alert, problems }).toEqual({ alert: rule.alert, problems: [] });
    }
    expect(
      rules.filter((rule) => readsRawCounter(rule.expr)).map((rule) => rule.alert ?? rule.record),
    ).toEqual([]);
  });
});

/** Prometheus's own checker, where it is installed (Debian: `apt-get install prometheus`). */
const promtool = (() => {
  try {
    execFileSync('promtool', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('ops/prometheus with promtool', () => {
  (promtool ? it : it.skip)(
    'parses the rules and fires each alert on the series of its unit tests',
    () => {
      const run = (...args: string[]) =>
        execFileSync('promtool', args, {
          cwd: resolve(ROOT, 'ops', 'prometheus'),
          encoding: 'utf8',
        });
      expect(run('check', 'rules', 'newswire-alerts.yml')).toMatch(/SUCCESS/);
      expect(run('test', 'rules', 'newswire-alerts.test.yml')).toMatch(/SUCCESS/);
    },
  );
});

describe('ops/grafana/newswire-dashboard.json', () => {
  interface Panel {
    id: number;
    title: string;
    type: string;
    gridPos?: { x: number; y: number; w: number; h: number };
    datasource?: { type: string; uid: string };
    targets?: { expr: string; refId: string }[];
    panels?: Panel[];
  }
  const dashboard = JSON.parse(
    readFileSync(resolve(ROOT, 'ops', 'grafana', 'newswire-dashboard.json'), 'utf8'),
  ) as {
    uid: string;
    title: string;
    panels: Panel[];
    templating: { list: { name: string; type: string }[] };
  };
  const panels = dashboard.panels
    .flatMap((panel) => [panel, ...(panel.panels ?? [])])
    .filter((panel) => panel.type !== 'row');

  it('is a dashboard with unique panel ids and a Prometheus data source variable', () => {
    expect(dashboard.uid).toMatch(/^[\w-]{1,40}$/);
    expect(dashboard.title).toBeTruthy();
    const ids = dashboard.panels
      .flatMap((panel) => [panel, ...(panel.panels ?? [])])
      .map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    const variable = dashboard.templating.list.find((v) => v.type === 'datasource');
    expect(variable).toBeDefined();
    for (const panel of panels) {
      expect({
        panel: panel.title,
        uid: panel.datasource?.uid,
        targets: (panel.targets ?? []).length > 0,
        grid: panel.gridPos !== undefined,
      }).toEqual({
        panel: panel.title,
        uid: `\${${variable?.name ?? ''}}`,
        targets: true,
        grid: true,
      });
    }
  });

  it('charts every pipeline metric and only metrics the services expose', () => {
    const known = seriesNames();
    const expressions = panels.flatMap((panel) => panel.targets ?? []).map((target) => target.expr);
    const used = new Set(expressions.flatMap(metricsIn));
    expect([...used].filter((metric) => !known.has(metric))).toEqual([]);
    for (const metric of Object.keys(METRICS))
      expect({ metric, charted: [...used].some((u) => u.startsWith(metric)) }).toEqual({
        metric,
        charted: true,
      });
    expect(expressions.filter((expression) => !balanced(expression))).toEqual([]);
    expect(expressions.filter(readsRawCounter)).toEqual([]);
  });
});
