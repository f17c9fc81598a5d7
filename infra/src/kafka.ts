/**
 * Apache Kafka 4.x in KRaft mode (one process acting as broker and controller) run from the jars
 * listed in infra/kafka/pom.xml. No distribution tarball, no ZooKeeper, no Docker.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { type HostPort, type InfraConfig, isLoopback, parseHostPort } from './config';
import { requireJava17, javaTool } from './java';
import { fetchApiVersions } from './kafka-protocol';
import { withLock } from './lock';
import { copyRuntimeDependencies, jarsIn, readOr } from './maven';
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

const MAIN_CLASS = 'kafka.Kafka';
const STOP_GRACE_MS = 30_000;

export interface KafkaPaths {
  pom: string;
  dir: string;
  libs: string;
  data: string;
  serverProperties: string;
  log4jProperties: string;
  clusterIdFile: string;
  logFile: string;
  pidFile: string;
  lockFile: string;
}

export function kafkaPaths(cfg: InfraConfig): KafkaPaths {
  const dir = path.join(cfg.infraDir, 'kafka');
  return {
    pom: path.join(cfg.repoRoot, 'infra', 'kafka', 'pom.xml'),
    dir,
    libs: path.join(dir, 'libs'),
    data: path.join(dir, 'data'),
    serverProperties: path.join(dir, 'server.properties'),
    log4jProperties: path.join(dir, 'log4j2.properties'),
    clusterIdFile: path.join(dir, 'cluster-id'),
    logFile: path.join(dir, 'kafka.log'),
    pidFile: path.join(dir, 'kafka.pid'),
    lockFile: path.join(dir, 'up.lock'),
  };
}

/** Downloads the broker's jars when the pom changed; returns true when it downloaded. */
export function fetchKafka(cfg: InfraConfig): Promise<boolean> {
  const p = kafkaPaths(cfg);
  return copyRuntimeDependencies(p.pom, p.libs, cfg.repoRoot);
}

/** Version of the kafka_2.13 jar we run, e.g. "4.4.0". */
export function kafkaJarVersion(cfg: InfraConfig): string | undefined {
  for (const jar of jarsIn(kafkaPaths(cfg).libs)) {
    const match = /^kafka_2\.13-(.+)\.jar$/.exec(jar);
    if (match) return match[1];
  }
  return undefined;
}

/** Healthy means a kafkajs admin can connect and list topics. */
export async function kafkaAnswers(brokers: string[], timeoutMs = 3000): Promise<boolean> {
  const admin = newKafka(brokers, timeoutMs).admin();
  try {
    await admin.connect();
    await admin.listTopics();
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

export async function ensureKafka(cfg: InfraConfig): Promise<EnsureResult> {
  const startedAt = Date.now();
  const endpoint = cfg.kafkaBrokers.join(',');
  if (await kafkaAnswers(cfg.kafkaBrokers))
    return { service: 'kafka', endpoint, action: 'reused', seconds: seconds(startedAt) };

  const listener = parseHostPort(cfg.kafkaBrokers[0]);
  if (!isLoopback(listener.host)) {
    throw new Error(
      `Kafka at ${endpoint} does not answer, and it is not on this machine so infra will not start it`,
    );
  }
  const p = kafkaPaths(cfg);
  return withLock(p.lockFile, cfg.startTimeoutMs, async () => {
    // Another `up` may have started it while we waited for the lock.
    if (await kafkaAnswers(cfg.kafkaBrokers))
      return { service: 'kafka', endpoint, action: 'reused', seconds: seconds(startedAt) };

    let pid = ownedPid(p.pidFile, p.serverProperties);
    const servedBy = readPidTag(p.pidFile);
    if (pid !== undefined && servedBy !== endpoint) {
      throw new Error(
        `the Kafka that infra started (pid ${pid}) listens on ${servedBy || 'another address'}, not ${endpoint}: run \`npm run infra:down\` first`,
      );
    }
    if (pid === undefined) {
      const controller = { host: listener.host, port: listener.port + 1 };
      for (const hp of [listener, controller]) {
        if (await portOpen(hp.host, hp.port)) {
          throw new Error(
            `port ${hp.host}:${hp.port} is taken by a process that does not answer as Kafka; stop it or set KAFKA_BROKERS`,
          );
        }
      }
      requireJava17();
      if (await fetchKafka(cfg))
        cfg.log(
          `kafka jars fetched into ${rel(cfg.repoRoot, p.libs)} in ${seconds(startedAt).toFixed(1)}s`,
        );
      writeKafkaConfig(p, listener, controller);
      await formatStorage(p);
      pid = spawnDetached({
        command: javaTool('java'),
        args: kafkaJvmArgs(p),
        cwd: p.dir,
        logFile: p.logFile,
        pidFile: p.pidFile,
        tag: endpoint,
      });
    }

    const runningPid = pid;
    const ready = await waitUntil(
      async () => !isAlive(runningPid) || (await kafkaAnswers(cfg.kafkaBrokers)),
      cfg.startTimeoutMs,
      500,
    );
    if (!ready || !isAlive(runningPid)) {
      const why = isAlive(runningPid)
        ? `not ready after ${cfg.startTimeoutMs / 1000}s (pid ${runningPid} left running; \`npm run infra:down\` stops it)`
        : 'the broker process exited';
      throw new Error(
        `Kafka on ${endpoint}: ${why}. Log: ${rel(cfg.repoRoot, p.logFile)}\n${tailFile(p.logFile)}`,
      );
    }
    return {
      service: 'kafka',
      endpoint,
      action: 'started',
      seconds: seconds(startedAt),
      pid: runningPid,
    };
  });
}

export async function kafkaStatus(cfg: InfraConfig): Promise<ServiceStatus> {
  const p = kafkaPaths(cfg);
  const endpoint = cfg.kafkaBrokers.join(',');
  const pid = ownedPid(p.pidFile, p.serverProperties);
  const base = { service: 'kafka' as const, endpoint, pid, rssKb: pid ? rssKb(pid) : undefined };
  if (!(await kafkaAnswers(cfg.kafkaBrokers))) {
    return {
      ...base,
      state: pid ? 'unhealthy' : 'stopped',
      details: pid
        ? [`process ${pid} runs but does not answer; see ${rel(cfg.repoRoot, p.logFile)}`]
        : [],
    };
  }
  const details: string[] = [];
  const admin = newKafka(cfg.kafkaBrokers, 5000).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    details.push(
      `cluster ${cluster.clusterId}, controller ${cluster.controller}, brokers ${cluster.brokers.map((b) => `${b.nodeId}@${b.host}:${b.port}`).join(' ')}`,
    );
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
  const first = parseHostPort(cfg.kafkaBrokers[0]);
  const apis = await fetchApiVersions(first.host, first.port);
  const shown = apis
    .filter((a) => [0, 1, 3, 18, 60, 68].includes(a.apiKey))
    .map((a) => `${a.name} v${a.minVersion}-${a.maxVersion}`);
  details.push(`broker speaks ${apis.length} APIs: ${shown.join(', ')}`);
  // The wire protocol carries no server version; the jar is the truth for a broker we launched.
  const jarVersion = kafkaJarVersion(cfg);
  const version =
    pid && jarVersion
      ? `Apache Kafka ${jarVersion} (KRaft)`
      : jarVersion
        ? `not started by infra (local jars are ${jarVersion})`
        : 'not started by infra';
  return { ...base, state: 'running', version, details };
}

export async function stopKafka(cfg: InfraConfig): Promise<StopResult> {
  const startedAt = Date.now();
  const p = kafkaPaths(cfg);
  const pid = ownedPid(p.pidFile, p.serverProperties);
  if (pid === undefined) {
    fs.rmSync(p.pidFile, { force: true });
    const outcome = (await kafkaAnswers(cfg.kafkaBrokers, 1500)) ? 'not-ours' : 'not-running';
    return { service: 'kafka', outcome, seconds: seconds(startedAt) };
  }
  const outcome = await stopPid(pid, STOP_GRACE_MS);
  fs.rmSync(p.pidFile, { force: true });
  return { service: 'kafka', outcome, pid, seconds: seconds(startedAt) };
}

function newKafka(brokers: string[], timeoutMs: number): Kafka {
  return new Kafka({
    clientId: 'newswire-infra',
    brokers,
    connectionTimeout: Math.min(timeoutMs, 3000),
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING, // a probe of a stopped broker is expected to fail; don't spam
  });
}

function kafkaJvmArgs(p: KafkaPaths): string[] {
  return [
    '-Xms256m',
    '-Xmx512m',
    '-XX:+UseG1GC',
    '-XX:MaxGCPauseMillis=20',
    '-XX:+ExplicitGCInvokesConcurrent',
    '-Djava.awt.headless=true',
    `-Dlog4j2.configurationFile=${p.log4jProperties}`,
    `-Dkafka.logs.dir=${p.dir}`,
    '-cp',
    `${p.libs}/*`,
    MAIN_CLASS,
    p.serverProperties,
  ];
}

/** Regenerated on every start so a changed port or path in the code takes effect. */
function writeKafkaConfig(p: KafkaPaths, listener: HostPort, controller: HostPort): void {
  fs.mkdirSync(p.data, { recursive: true });
  const props: Record<string, string | number> = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    // Static voters: with these, `format` needs no --standalone and no bootstrap servers.
    'controller.quorum.voters': `1@${controller.host}:${controller.port}`,
    listeners: `PLAINTEXT://${listener.host}:${listener.port},CONTROLLER://${controller.host}:${controller.port}`,
    'advertised.listeners': `PLAINTEXT://${listener.host}:${listener.port}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    'log.dirs': p.data,
    // Apps create their topics explicitly; this is only the default for anything auto-created.
    'num.partitions': 3,
    // One broker: internal topics cannot have more than one replica.
    'offsets.topic.replication.factor': 1,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'share.coordinator.state.topic.replication.factor': 1,
    'share.coordinator.state.topic.min.isr': 1,
    'min.insync.replicas': 1,
    // Tests join consumer groups constantly; the 3 s default delay would slow every one of them.
    'group.initial.rebalance.delay.ms': 0,
    'log.retention.hours': 168,
  };
  const text = Object.entries(props)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');
  fs.writeFileSync(
    p.serverProperties,
    `# Generated by infra/src/kafka.ts; edits are overwritten on start.\n${text}\n`,
  );
  fs.writeFileSync(p.log4jProperties, KAFKA_LOG4J);
}

// Console only: stdout is already the log file, and one file is easier to point people at.
const KAFKA_LOG4J = `# Generated by infra/src/kafka.ts
status = warn
# Kafka logs its own shutdown from a JVM shutdown hook; log4j must not stop before that.
shutdownHook = disable
appender.stdout.type = Console
appender.stdout.name = STDOUT
appender.stdout.layout.type = PatternLayout
appender.stdout.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.stdout.ref = STDOUT
logger.request.name = kafka.request.logger
logger.request.level = WARN
logger.state.name = state.change.logger
logger.state.level = WARN
logger.clients.name = org.apache.kafka.clients
logger.clients.level = WARN
`;

/** Formats the KRaft metadata log once; `--ignore-formatted` makes later runs a no-op. */
async function formatStorage(p: KafkaPaths): Promise<void> {
  const clusterId = clusterIdFor(p);
  const args = [
    '-Xmx256m',
    `-Dlog4j2.configurationFile=${p.log4jProperties}`,
    '-cp',
    `${p.libs}/*`,
    'kafka.tools.StorageTool',
    'format',
    '-t',
    clusterId,
    '-c',
    p.serverProperties,
    '--ignore-formatted',
  ];
  try {
    await promisify(execFile)(javaTool('java'), args, { cwd: p.dir });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    throw new Error(`Kafka storage format failed:\n${(err.stdout ?? '') + (err.stderr ?? '')}`);
  }
}

/**
 * The id the data directory was formatted with wins (a new id would not match it); otherwise a new
 * one in Kafka's format: 16 random bytes, URL-safe base64 without padding, not starting with "-".
 */
function clusterIdFor(p: KafkaPaths): string {
  const meta = readOr(path.join(p.data, 'meta.properties'));
  const formatted = /^cluster\.id=(.+)$/m.exec(meta)?.[1]?.trim();
  let id = formatted || readOr(p.clusterIdFile);
  while (!id || id.startsWith('-')) id = randomBytes(16).toString('base64url');
  fs.writeFileSync(p.clusterIdFile, `${id}\n`);
  return id;
}
