/**
 * Elasticsearch 8.19 core (server + netty4 HTTP) started from Maven Central jars by the launcher in
 * infra/search/src/main/java. The official @elastic/elasticsearch 8 client talks to it unchanged:
 * core itself sends the X-Elastic-Product header the client insists on.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { type InfraConfig, isLoopback } from './config';
import { javaTool, requireJava17 } from './java';
import { withLock } from './lock';
import { copyRuntimeDependencies, readOr, sha256 } from './maven';
import {
  isAlive,
  ownedPid,
  readPidTag,
  rssKb,
  spawnDetached,
  stopPid,
  tailFile,
  waitUntil,
} from './process';
import {
  type EnsureResult,
  portOpen,
  rel,
  seconds,
  type ServiceStatus,
  type StopResult,
} from './service';

const MAIN_CLASS = 'newswire.infra.search.SearchNode';
const STOP_GRACE_MS = 30_000;
const HUNSPELL_SOURCE = process.env.HUNSPELL_DIR || '/usr/share/hunspell';
const HUNSPELL_LOCALES = ['en_US'];

export interface SearchPaths {
  pom: string;
  sources: string;
  dir: string;
  libs: string;
  classes: string;
  home: string;
  config: string;
  data: string;
  logs: string;
  tmp: string;
  logFile: string;
  pidFile: string;
  lockFile: string;
}

export function searchPaths(cfg: InfraConfig): SearchPaths {
  const dir = path.join(cfg.infraDir, 'search');
  const home = path.join(dir, 'home');
  return {
    pom: path.join(cfg.repoRoot, 'infra', 'search', 'pom.xml'),
    sources: path.join(cfg.repoRoot, 'infra', 'search', 'src', 'main', 'java'),
    dir,
    libs: path.join(dir, 'libs'),
    classes: path.join(dir, 'classes'),
    home,
    config: path.join(home, 'config'),
    data: path.join(dir, 'data'),
    logs: path.join(dir, 'logs'),
    tmp: path.join(dir, 'tmp'),
    logFile: path.join(dir, 'search.log'),
    pidFile: path.join(dir, 'search.pid'),
    lockFile: path.join(dir, 'up.lock'),
  };
}

/** Downloads the jars (when the pom changed) and compiles the launcher (when it or the jars changed). */
export async function fetchSearch(
  cfg: InfraConfig,
): Promise<{ downloaded: boolean; compiled: boolean }> {
  const p = searchPaths(cfg);
  const downloaded = await copyRuntimeDependencies(p.pom, p.libs, cfg.repoRoot);
  const sources = javaSources(p.sources);
  const hash = sha256(
    fs.readFileSync(p.pom),
    ...sources.flatMap((f) => [path.relative(p.sources, f), fs.readFileSync(f)]),
  );
  const marker = path.join(p.classes, '.compiled-from');
  if (!downloaded && readOr(marker) === hash) return { downloaded, compiled: false };
  fs.rmSync(p.classes, { recursive: true, force: true });
  fs.mkdirSync(p.classes, { recursive: true });
  try {
    await promisify(execFile)(
      javaTool('javac'),
      ['--release', '17', '-nowarn', '-d', p.classes, '-cp', `${p.libs}/*`, ...sources],
      { cwd: cfg.repoRoot },
    );
  } catch (e) {
    const err = e as { code?: string; stdout?: string; stderr?: string };
    if (err.code === 'ENOENT')
      throw new Error('javac not found: install a JDK 17+ (not only a JRE) or set JAVA_HOME');
    throw new Error(
      `compiling the search launcher failed:\n${(err.stdout ?? '') + (err.stderr ?? '')}`,
    );
  }
  fs.writeFileSync(marker, hash);
  return { downloaded, compiled: true };
}

interface Health {
  ok: boolean;
  status?: string;
  clusterName?: string;
  elastic?: boolean;
}

/** Healthy means cluster health is yellow or green and the answer carries the Elastic product header. */
export async function searchHealth(esNode: string, waitSeconds = 0): Promise<Health> {
  const url = `${esNode}/_cluster/health${waitSeconds > 0 ? `?wait_for_status=yellow&timeout=${waitSeconds}s` : ''}`;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(waitSeconds * 1000 + 3000) });
    if (!res.ok) return { ok: false };
    const body = (await res.json()) as { status?: string; cluster_name?: string };
    const elastic = res.headers.get('x-elastic-product') === 'Elasticsearch';
    return {
      ok: elastic && (body.status === 'green' || body.status === 'yellow'),
      status: body.status,
      clusterName: body.cluster_name,
      elastic,
    };
  } catch {
    return { ok: false };
  }
}

export async function ensureSearch(cfg: InfraConfig): Promise<EnsureResult> {
  const startedAt = Date.now();
  const endpoint = cfg.esNode;
  if ((await searchHealth(endpoint)).ok)
    return { service: 'search', endpoint, action: 'reused', seconds: seconds(startedAt) };

  const url = new URL(endpoint);
  const host = url.hostname;
  const httpPort = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  if (!isLoopback(host) || url.protocol !== 'http:') {
    throw new Error(
      `search engine at ${endpoint} is not healthy, and infra only starts a plain-http one on this machine`,
    );
  }
  const p = searchPaths(cfg);
  return withLock(p.lockFile, cfg.startTimeoutMs, async () => {
    if ((await searchHealth(endpoint)).ok)
      return { service: 'search', endpoint, action: 'reused', seconds: seconds(startedAt) };

    let pid = ownedPid(p.pidFile, p.home);
    const servedBy = readPidTag(p.pidFile);
    if (pid !== undefined && servedBy !== endpoint) {
      throw new Error(
        `the search node that infra started (pid ${pid}) serves ${servedBy || 'another address'}, not ${endpoint}: run \`npm run infra:down\` first`,
      );
    }
    if (pid === undefined) {
      // Keep the conventional 9200/9300 pair; other HTTP ports get transport = http + 100.
      const transportPort = httpPort === 9200 ? 9300 : httpPort + 100;
      for (const port of [httpPort, transportPort]) {
        if (await portOpen(host, port)) {
          const health = await searchHealth(endpoint);
          const what =
            health.elastic === false
              ? 'a server without the X-Elastic-Product header'
              : 'a process that is not a healthy search engine';
          throw new Error(`port ${host}:${port} is taken by ${what}; stop it or set ES_NODE`);
        }
      }
      requireJava17();
      const fetched = await fetchSearch(cfg);
      if (fetched.downloaded || fetched.compiled)
        cfg.log(`search jars/launcher prepared in ${seconds(startedAt).toFixed(1)}s`);
      writeSearchConfig(cfg, p, host, httpPort, transportPort);
      pid = spawnDetached({
        command: javaTool('java'),
        args: searchJvmArgs(p),
        cwd: p.dir,
        logFile: p.logFile,
        pidFile: p.pidFile,
        tag: endpoint,
      });
    }

    const runningPid = pid;
    const ready = await waitUntil(
      async () => !isAlive(runningPid) || (await searchHealth(endpoint, 1)).ok,
      cfg.startTimeoutMs,
      500,
    );
    if (!ready || !isAlive(runningPid)) {
      const why = isAlive(runningPid)
        ? `not healthy after ${cfg.startTimeoutMs / 1000}s (pid ${runningPid} left running; \`npm run infra:down\` stops it)`
        : 'the node process exited';
      throw new Error(
        `search engine on ${endpoint}: ${why}. Log: ${rel(cfg.repoRoot, p.logFile)}\n${tailFile(p.logFile)}`,
      );
    }
    return {
      service: 'search',
      endpoint,
      action: 'started',
      seconds: seconds(startedAt),
      pid: runningPid,
    };
  });
}

interface NodesInfo {
  cluster_name?: string;
  nodes?: Record<
    string,
    {
      name: string;
      version: string;
      build_flavor?: string;
      build_type?: string;
      build_hash?: string;
      jvm?: { version?: string };
    }
  >;
}

export async function searchStatus(cfg: InfraConfig): Promise<ServiceStatus> {
  const p = searchPaths(cfg);
  const pid = ownedPid(p.pidFile, p.home);
  const base = {
    service: 'search' as const,
    endpoint: cfg.esNode,
    pid,
    rssKb: pid ? rssKb(pid) : undefined,
  };
  const health = await searchHealth(cfg.esNode);
  if (!health.ok) {
    const details = pid
      ? [`process ${pid} runs but is not healthy; see ${rel(cfg.repoRoot, p.logFile)}`]
      : [];
    if (health.elastic === false)
      details.push(
        'answers without X-Elastic-Product: Elasticsearch (the official client would reject it)',
      );
    return { ...base, state: pid || health.status ? 'unhealthy' : 'stopped', details };
  }
  // _nodes/_local is core; GET / (rest-root module) does not exist on a core-only node.
  const res = await fetch(`${cfg.esNode}/_nodes/_local/jvm`, { signal: AbortSignal.timeout(5000) });
  const info = (await res.json()) as NodesInfo;
  const node = Object.values(info.nodes ?? {})[0];
  const product = res.headers.get('x-elastic-product') ?? 'unknown product';
  const version = node ? `${product} ${node.version}` : product;
  const details = [
    `cluster ${info.cluster_name ?? health.clusterName} is ${health.status}`,
    node
      ? `node ${node.name}, flavor ${node.build_flavor ?? '?'}, build ${node.build_hash?.slice(0, 10) ?? '?'}, JVM ${node.jvm?.version ?? '?'}`
      : 'no local node info',
  ];
  if (!pid) details.push('not started by infra (reused)');
  return { ...base, state: 'running', version, details };
}

export async function stopSearch(cfg: InfraConfig): Promise<StopResult> {
  const startedAt = Date.now();
  const p = searchPaths(cfg);
  const pid = ownedPid(p.pidFile, p.home);
  if (pid === undefined) {
    fs.rmSync(p.pidFile, { force: true });
    const outcome = (await searchHealth(cfg.esNode)).ok ? 'not-ours' : 'not-running';
    return { service: 'search', outcome, seconds: seconds(startedAt) };
  }
  const outcome = await stopPid(pid, STOP_GRACE_MS);
  fs.rmSync(p.pidFile, { force: true });
  return { service: 'search', outcome, pid, seconds: seconds(startedAt) };
}

/** The system properties the distribution's launcher would add (its SystemJvmOptions / jvm.options). */
function searchJvmArgs(p: SearchPaths): string[] {
  return [
    '-Xms512m',
    '-Xmx1g',
    '-XX:+UseG1GC',
    '-Xss1m',
    '-Djava.awt.headless=true',
    '-Dfile.encoding=UTF-8',
    `-Djava.io.tmpdir=${p.tmp}`,
    '-Djna.nosys=true',
    '-XX:-OmitStackTraceInFastThrow',
    '-Des.networkaddress.cache.ttl=60',
    '-Des.networkaddress.cache.negative.ttl=10',
    '-Dio.netty.noUnsafe=true',
    '-Dio.netty.noKeySetOptimization=true',
    '-Dio.netty.recycler.maxCapacityPerThread=0',
    '-Dlog4j.shutdownHookEnabled=false', // the node closes itself in its shutdown hook and logs while doing so
    '-Dlog4j2.disable.jmx=true',
    '-Dlog4j2.formatMsgNoLookups=true',
    '-Djava.locale.providers=CLDR',
    // Lucene's and Elasticsearch's native calls (java.lang.foreign on newer JDKs) come from the classpath.
    '--enable-native-access=ALL-UNNAMED',
    // Last, so an operator's options override the defaults above, as with the distribution's launcher.
    ...javaOptsFromEnv(process.env.ES_JAVA_OPTS),
    '-cp',
    `${p.classes}${path.delimiter}${p.libs}/*`,
    MAIN_CLASS,
    p.home,
  ];
}

/** `ES_JAVA_OPTS`, split on whitespace like the distribution's launcher does. */
function javaOptsFromEnv(value: string | undefined): string[] {
  return (value ?? '').split(/\s+/).filter(Boolean);
}

/** Regenerated on every start; hunspell dictionaries are copied in from the system when present. */
function writeSearchConfig(
  cfg: InfraConfig,
  p: SearchPaths,
  host: string,
  httpPort: number,
  transportPort: number,
): void {
  for (const dir of [p.config, p.data, p.logs, p.tmp]) fs.mkdirSync(dir, { recursive: true });
  const settings: Record<string, string | number | boolean> = {
    'cluster.name': 'newswire-dev',
    'node.name': 'newswire-search-1',
    'path.data': p.data,
    'path.logs': p.logs,
    'discovery.type': 'single-node',
    'network.host': host,
    'http.port': httpPort,
    'transport.port': transportPort,
    // A nearly full dev disk must not turn indices read-only under the tests.
    'cluster.routing.allocation.disk.threshold_enabled': false,
    // Test suites drop their indices by pattern.
    'action.destructive_requires_name': false,
  };
  const yml = Object.entries(settings)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n');
  fs.writeFileSync(
    path.join(p.config, 'elasticsearch.yml'),
    `# Generated by infra/src/search-engine.ts; edits are overwritten on start.\n${yml}\n`,
  );
  fs.writeFileSync(path.join(p.config, 'log4j2.properties'), SEARCH_LOG4J);

  for (const locale of HUNSPELL_LOCALES) {
    const files = ['aff', 'dic'].map((ext) => path.join(HUNSPELL_SOURCE, `${locale}.${ext}`));
    if (!files.every((f) => fs.existsSync(f))) {
      cfg.log(
        `warning: ${files.join(' / ')} missing; hunspell filters for ${locale} will fail (apt-get install -y hunspell-en-us)`,
      );
      continue;
    }
    const target = path.join(p.config, 'hunspell', locale);
    fs.mkdirSync(target, { recursive: true });
    for (const f of files) fs.copyFileSync(f, path.join(target, path.basename(f)));
  }
}

// Console only (stdout is the log file). %node_name is required by the Elasticsearch log configurator.
const SEARCH_LOG4J = `# Generated by infra/src/search-engine.ts
status = error
appender.console.type = Console
appender.console.name = console
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] [%node_name]%marker %m%n
rootLogger.level = info
rootLogger.appenderRef.console.ref = console
logger.deprecation.name = org.elasticsearch.deprecation
logger.deprecation.level = error
`;

function javaSources(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs
      .readdirSync(d, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.java')) out.push(full);
    }
  };
  walk(dir);
  return out;
}
