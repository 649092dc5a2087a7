/**
 * The deployment files are not run here (no Docker engine, no Kubernetes cluster), so this checks
 * what a reader could get wrong without noticing until a real cluster says so: required fields,
 * cross-references between manifests, the kload command lines, and the Dockerfile's build steps.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse, parseAllDocuments } from 'yaml';
import { parseScenario } from '../../../src/scenario/load.js';
import { repoRoot } from '../../helpers/paths.js';

interface Container {
  name?: string;
  image?: string;
  command?: string[];
  args?: string[];
  ports?: unknown[];
  env?: { name: string; value?: string; valueFrom?: Record<string, Record<string, string>> }[];
  volumeMounts?: { name: string; mountPath: string }[];
}
interface PodSpec {
  restartPolicy?: string;
  containers?: Container[];
  initContainers?: Container[];
  volumes?: { name: string; configMap?: { name: string }; persistentVolumeClaim?: { claimName: string } }[];
}
interface Manifest {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string };
  data?: Record<string, string>;
  spec?: {
    replicas?: number;
    completions?: number;
    parallelism?: number;
    completionMode?: string;
    backoffLimit?: number;
    selector?: { matchLabels?: Record<string, string> };
    template?: { metadata?: { labels?: Record<string, string> }; spec?: PodSpec };
  };
}

const folder = join(repoRoot(), 'deploy', 'kubernetes');
const files = readdirSync(folder).filter((f) => /\.ya?ml$/.test(f));
const docs = files.flatMap((file) =>
  parseAllDocuments(readFileSync(join(folder, file), 'utf8')).map((doc) => {
    assert.deepEqual(doc.errors, [], file);
    return { file, manifest: doc.toJS() as Manifest };
  }),
);
const manifests = docs.map((d) => d.manifest);
const KLOAD_SUBCOMMANDS = ['agent', 'run', 'merge'];

function named(kind: string, name: string): Manifest {
  const found = manifests.find((m) => m.kind === kind && m.metadata?.name === name);
  assert.ok(found, `no ${kind} ${name} under deploy/kubernetes`);
  return found;
}
function pod(m: Manifest): PodSpec {
  const spec = m.spec?.template?.spec;
  assert.ok(spec, `${m.kind} ${m.metadata?.name} has no spec.template.spec`);
  return spec;
}
function onlyContainer(m: Manifest): Container {
  const containers = pod(m).containers ?? [];
  assert.equal(containers.length, 1, `${m.metadata?.name}: one container`);
  return containers[0] as Container;
}
const workloads = () => manifests.filter((m) => m.kind === 'Deployment' || m.kind === 'Job');
const allContainers = () =>
  workloads().flatMap((m) => [...(pod(m).containers ?? []), ...(pod(m).initContainers ?? [])]);

/** The kload subcommands a container runs: args[0] under the image's entrypoint, else each `kload.cjs X` it scripts. */
function kloadInvocations(c: Container): { subcommand: string; text: string }[] {
  if (!c.command) return [{ subcommand: c.args?.[0] ?? '', text: (c.args ?? []).join(' ') }];
  const script = [...c.command, ...(c.args ?? [])].join(' ');
  return [...script.matchAll(/kload\.cjs\s+(\S+)/g)].map((m) => ({ subcommand: m[1] ?? '', text: script }));
}
const envNamed = (c: Container, name: string) => c.env?.find((e) => e.name === name);
const agentReplicas = () => named('Deployment', 'kload-agent').spec?.replicas;

test('the expected manifests are there and each document has an apiVersion, a kind and a name', () => {
  for (const file of ['agents.yaml', 'coordinator-job.yaml', 'scenario-configmap.yaml', 'segments-indexed-job.yaml']) {
    assert.ok(files.includes(file), file);
  }
  for (const { file, manifest } of docs) {
    assert.match(manifest.apiVersion ?? '', /^([a-z.]+\/)?v\d/, `${file}: apiVersion`);
    assert.match(manifest.kind ?? '', /^[A-Z]\w+$/, `${file}: kind`);
    assert.match(manifest.metadata?.name ?? '', /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, `${file}: metadata.name`);
  }
});

test('the agents Deployment selects its own pods and runs kload agent with a name from the downward API', () => {
  const deployment = named('Deployment', 'kload-agent');
  const selector = deployment.spec?.selector?.matchLabels ?? {};
  assert.ok(Object.keys(selector).length > 0, 'spec.selector.matchLabels');
  const labels = deployment.spec?.template?.metadata?.labels ?? {};
  for (const [key, value] of Object.entries(selector)) assert.equal(labels[key], value, `template label ${key}`);
  const agent = onlyContainer(deployment);
  assert.ok(agent.image, 'image');
  assert.equal(agent.command, undefined, 'the image entrypoint is kload');
  assert.deepEqual(agent.args, ['agent', '--brokers', '$(KAFKA_BROKERS)', '--name', '$(POD_NAME)']);
  assert.deepEqual(envNamed(agent, 'POD_NAME')?.valueFrom, { fieldRef: { fieldPath: 'metadata.name' } });
  assert.ok((agentReplicas() ?? 0) >= 1);
});

test('the coordinator Job runs kload run with as many --agents as the Deployment has replicas, once', () => {
  const job = named('Job', 'kload-coordinator');
  const args = onlyContainer(job).args ?? [];
  assert.equal(args[0], 'run');
  assert.ok(args.includes('--brokers'), 'args name the brokers');
  assert.equal(Number(args[args.indexOf('--agents') + 1]), agentReplicas(), '--agents');
  assert.equal(job.spec?.backoffLimit, 0, 'a failed load test is not retried');
  assert.equal(pod(job).restartPolicy, 'Never');
  const mount = onlyContainer(job).volumeMounts?.find((m) => args[1]?.startsWith(`${m.mountPath}/`));
  assert.ok(mount, `the scenario ${args[1]} is on a mounted volume`);
  assert.equal(pod(job).volumes?.find((v) => v.name === mount.name)?.configMap?.name, 'kload-scenario');
});

test('the Indexed Job runs its N shares at once, with --segment i/N from JOB_COMPLETION_INDEX', () => {
  const job = named('Job', 'kload-segments');
  const [run] = kloadInvocations(onlyContainer(job));
  assert.equal(run?.subcommand, 'run');
  // JOB_COMPLETION_INDEX counts from 0 and --segment from 1.
  const segment = /--segment "\$+\(\(JOB_COMPLETION_INDEX \+ 1\)\)\/(\d+)"/.exec(run?.text ?? '');
  assert.ok(segment, `--segment "$((JOB_COMPLETION_INDEX + 1))/N" in ${run?.text}`);
  const n = Number(segment[1]);
  assert.equal(job.spec?.completionMode, 'Indexed');
  assert.equal(job.spec?.completions, n, 'completions = N of --segment i/N');
  assert.equal(job.spec?.parallelism, n, 'every share runs at the same time');
  assert.equal(pod(job).restartPolicy, 'Never');
  const [merge] = kloadInvocations(onlyContainer(named('Job', 'kload-merge')));
  assert.match(merge?.text ?? '', new RegExp(`-ge ${n} \\]`), 'the merge waits for N parts');
  for (const [flag, variable] of [
    ['--run-id', 'RUN_ID'],
    ['--start-at', 'START_AT'],
  ] as const) {
    assert.match(run?.text ?? '', new RegExp(`${flag} "\\$${variable}"`), flag);
    assert.ok(envNamed(onlyContainer(job), variable)?.value, `${variable} is passed as env`);
  }
});

test('every container runs kload:latest with a kload subcommand that exists', () => {
  assert.ok(allContainers().length >= 3);
  for (const container of allContainers()) {
    assert.equal(container.image, 'kload:latest', container.name);
    const invocations = kloadInvocations(container);
    assert.ok(invocations.length > 0, `${container.name} runs kload`);
    for (const { subcommand } of invocations) assert.ok(KLOAD_SUBCOMMANDS.includes(subcommand), subcommand);
  }
});

test('the scenario ConfigMap holds a valid scenario that splits over every agent and segment', () => {
  const text = named('ConfigMap', 'kload-scenario').data?.['scenario.yaml'] ?? '';
  const raw = parse(text) as Record<string, unknown>;
  for (const key of ['topics', 'producers', 'phases']) assert.ok(key in raw, key);
  const scenario = parseScenario(text, 'scenario.yaml');
  const segments = named('Job', 'kload-segments').spec?.completions ?? 0;
  // A run splits into at most producers.count segments, one producer client at least in each.
  assert.ok(scenario.producers.count >= Math.max(agentReplicas() ?? 0, segments), 'producers.count');
});

test('every ConfigMap key, claim and volume a pod refers to is defined', () => {
  for (const m of workloads()) {
    const volumes = pod(m).volumes ?? [];
    for (const container of pod(m).containers ?? []) {
      for (const ref of (container.env ?? []).map((e) => e.valueFrom?.configMapKeyRef).filter((r) => r)) {
        assert.ok(named('ConfigMap', ref?.name ?? '').data?.[ref?.key ?? ''], `${ref?.name}/${ref?.key}`);
      }
      for (const mount of container.volumeMounts ?? []) {
        assert.ok(
          volumes.some((v) => v.name === mount.name),
          `${m.metadata?.name}: volume ${mount.name}`,
        );
      }
    }
    for (const v of volumes) {
      if (v.configMap) named('ConfigMap', v.configMap.name);
      if (v.persistentVolumeClaim) named('PersistentVolumeClaim', v.persistentVolumeClaim.claimName);
    }
  }
});

test('nothing opens a port: no Service, no hostPort or hostNetwork, no container ports', () => {
  const keys = (value: unknown): string[] =>
    value && typeof value === 'object' ? Object.entries(value).flatMap(([key, inner]) => [key, ...keys(inner)]) : [];
  for (const { file, manifest } of docs) {
    assert.notEqual(manifest.kind, 'Service', file);
    for (const key of ['hostPort', 'hostNetwork', 'ports']) assert.ok(!keys(manifest).includes(key), `${file}: ${key}`);
  }
});

const dockerfile = readFileSync(join(repoRoot(), 'Dockerfile'), 'utf8');
/** Instructions with their continuation lines joined and comments dropped, e.g. ['FROM', 'node:20 AS build']. */
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => {
    const [word = '', ...rest] = line.split(/\s+/);
    return [word.toUpperCase(), rest.join(' ')] as const;
  });
const runs = instructions.filter(([word]) => word === 'RUN').map(([, text]) => text);
type Instruction = (typeof instructions)[number];
/** The instructions of each FROM ... up to the next FROM (an ARG before the first belongs to none). */
const stages: Instruction[][] = [];
for (const instruction of instructions) {
  if (instruction[0] === 'FROM') stages.push([]);
  stages.at(-1)?.push(instruction);
}

test('the Dockerfile installs from the lockfile, builds the native core and the TypeScript, runs bin/kload.cjs', () => {
  const ran = (step: string) => runs.some((run) => run.includes(step));
  for (const step of ['npm ci', 'npm run build:native', 'npm run build']) assert.ok(ran(step), step);
  assert.ok(!runs.some((run) => /npm (install|i)\b/.test(run)), 'npm ci, not npm install: the lockfile decides');
  const entrypoints = instructions.filter(([word]) => word === 'ENTRYPOINT');
  assert.equal(entrypoints.length, 1);
  assert.deepEqual(JSON.parse(entrypoints[0]?.[1] ?? ''), ['node', '/app/bin/kload.cjs']);
});

test('the Dockerfile fetches only through apt-get and npm, and never Maven, Java or chromium', () => {
  for (const run of runs) {
    assert.doesNotMatch(run, /\b(curl|wget|git clone|mvn|maven|openjdk|java|chromium)\b/, run);
  }
  assert.ok(!instructions.some(([word, text]) => word === 'ADD' && /https?:/.test(text)), 'ADD <url>');
});

test('the runtime stage runs as a numeric non-root user in the /app the addons were built in', () => {
  assert.equal(stages.length, 2, 'a build stage and a runtime stage');
  const workdir = (stage: Instruction[]) => stage.find(([word]) => word === 'WORKDIR')?.[1];
  // native/build finds librdkafka through an $ORIGIN rpath into node_modules: same tree, same place.
  assert.equal(workdir(stages[0] ?? []), '/app');
  assert.equal(workdir(stages[1] ?? []), '/app');
  const copies = (stages[1] ?? []).filter(([word]) => word === 'COPY').map(([, text]) => text);
  for (const path of ['node_modules', 'native/build', 'dist', 'bin', 'scenarios', 'schema', 'package.json']) {
    const copied = copies.some((copy) => copy.split(/\s+/).some((part) => part === path || part.endsWith(`/${path}`)));
    assert.ok(copied, path);
  }
  const user = (stages[1] ?? []).filter(([word]) => word === 'USER').at(-1)?.[1] ?? '';
  assert.match(user, /^[1-9]\d*(:\d+)?$/, 'USER: a numeric uid other than 0');
});

test('.dockerignore keeps the host build outputs out of the image', () => {
  const ignored = readFileSync(join(repoRoot(), '.dockerignore'), 'utf8').split('\n');
  for (const path of ['node_modules', 'dist', 'native/build', 'results', '.git'])
    assert.ok(ignored.includes(path), path);
});
