/** Which JDK runs the services: JAVA_HOME when set (as Maven does), else whatever is on PATH. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export function javaTool(tool: 'java' | 'javac'): string {
  const home = process.env.JAVA_HOME;
  if (home) {
    const candidate = path.join(home, 'bin', tool);
    if (fs.existsSync(candidate)) return candidate;
  }
  return tool;
}

/** Kafka 4 and Elasticsearch 8.19 both need Java 17 or newer; fail early with a clear message. */
export function requireJava17(): void {
  // `java -version` writes to stderr.
  const result = spawnSync(javaTool('java'), ['-version'], { encoding: 'utf8' });
  if (result.error) {
    throw new Error(
      `cannot run ${javaTool('java')} (${result.error.message}): install a JDK 17+ (apt-get install -y openjdk-17-jdk-headless) or set JAVA_HOME`,
    );
  }
  const output = `${result.stderr}${result.stdout}`;
  const match = /version "(\d+)/.exec(output);
  const major = match ? Number(match[1]) : 0;
  if (major < 17)
    throw new Error(`Java 17+ is required, found: ${output.split('\n')[0] || 'unknown'}`);
}
