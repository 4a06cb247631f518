/**
 * Resolves Apache Kafka's broker jars from Maven Central with Maven, once, into a cache outside
 * the repository (no Docker, no tarball download: only the registries the machines reach).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The Kafka version the project tests against. */
export const KAFKA_VERSION = '3.9.1';
/** slf4j binding so the broker's own log lines are readable (Kafka 3.9 uses slf4j 1.7). */
const SLF4J_SIMPLE = 'org.slf4j:slf4j-simple:1.7.36';

/**
 * Default cache folder: $KAFKA_CACHE_DIR, else $XDG_CACHE_HOME or ~/.cache, per version.
 * @param env - the environment to read the overrides from
 */
export function defaultCacheDir(env: Record<string, string | undefined>): string {
  const base = env['KAFKA_CACHE_DIR'] ?? path.join(env['XDG_CACHE_HOME'] ?? path.join(os.homedir(), '.cache'), 'hospital-system', 'kafka');
  return path.join(base, KAFKA_VERSION);
}

function pom(): string {
  const [group, artifact, version] = SLF4J_SIMPLE.split(':');
  return `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.hospital-system</groupId>
  <artifactId>kafka-broker-runtime</artifactId>
  <version>${KAFKA_VERSION}</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>${KAFKA_VERSION}</version></dependency>
    <dependency><groupId>${group}</groupId><artifactId>${artifact}</artifactId><version>${version}</version></dependency>
  </dependencies>
</project>
`;
}

/**
 * Makes sure the broker's jars are in cacheDir/libs; returns that folder.
 * @param cacheDir - cache folder for this Kafka version
 * @param log - progress lines
 */
export async function ensureKafkaJars(cacheDir: string, log: (line: string) => void = () => {}): Promise<string> {
  const libs = path.join(cacheDir, 'libs');
  const marker = path.join(cacheDir, '.complete');
  if (existsSync(marker)) return libs;
  log(`Resolving Apache Kafka ${KAFKA_VERSION} jars from Maven Central into ${libs} (once) …`);
  mkdirSync(cacheDir, { recursive: true });
  rmSync(libs, { recursive: true, force: true });
  const work = await mkdtemp(path.join(os.tmpdir(), 'kafka-pom-'));
  try {
    writeFileSync(path.join(work, 'pom.xml'), pom());
    await run('mvn', ['-B', '-q', 'dependency:copy-dependencies', `-DoutputDirectory=${libs}`, '-DincludeScope=runtime'], {
      cwd: work,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const detail = error as { stdout?: string; stderr?: string };
    throw new Error(`Maven could not resolve Kafka ${KAFKA_VERSION}: ${detail.stdout ?? ''}${detail.stderr ?? ''}`.trim(), { cause: error });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (!readdirSync(libs).some((jar) => jar.startsWith(`kafka_2.13-${KAFKA_VERSION}`))) {
    throw new Error(`Maven finished but ${libs} holds no kafka_2.13-${KAFKA_VERSION} jar`);
  }
  writeFileSync(marker, new Date().toISOString());
  return libs;
}
