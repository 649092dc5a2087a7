/**
 * kload as a user's dependency: `npm pack`, a real `npm install` of the tarball into a fresh
 * project (compiling librdkafka and the native core there, as a user's install does), then the
 * README's library example type-checked against the installed package's declarations and run
 * against the EmbeddedCluster of the installed package itself.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot, tempDir } from '../../helpers/paths.js';

const run = promisify(execFile);

/** The first ```ts block under the README's library heading: the test runs what users read. */
function readmeExample(): string {
  const readme = readFileSync(join(repoRoot(), 'README.md'), 'utf8');
  const section = readme.split('\n## kload as a library\n')[1];
  assert.ok(section, 'README has a "## kload as a library" section');
  const code = /```ts\n([\s\S]*?)```/.exec(section.split('\n## ')[0] ?? '')?.[1];
  assert.ok(code, 'the library section holds a ```ts example');
  return code;
}

/**
 * The outer `npm test` leaves its npm_* variables (npm_config_*, npm_package_*) in our
 * environment; a nested npm would read them as its own configuration for another project.
 */
function npmEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'INIT_CWD'));
}

async function step(what: string, file: string, args: string[], cwd: string, timeoutMs: number) {
  try {
    return await run(file, args, { cwd, env: npmEnvironment(), timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as Error & { stdout?: string; stderr?: string };
    assert.fail(`${what} failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  }
}

test('the packed tarball installs into a fresh project, ' +
  'whose TypeScript runs the README example on its own cluster', {
  timeout: 20 * 60_000,
}, async (t) => {
  const root = repoRoot();
  assert.ok(
    existsSync(join(root, 'dist', 'src', 'index.d.ts')),
    'dist/src/index.d.ts is missing: `npm run build` (tsconfig.lib.json) emits the declarations',
  );
  const packDir = tempDir('pack');
  const project = tempDir('library-project');
  t.after(() => {
    rmSync(packDir, { recursive: true, force: true });
    rmSync(project, { recursive: true, force: true });
  });

  const packed = await step('npm pack', 'npm', ['pack', '--json', '--pack-destination', packDir], root, 120_000);
  const [{ filename, files }] = JSON.parse(packed.stdout) as [{ filename: string; files: { path: string }[] }];
  const shipped = new Set(files.map((f) => f.path));
  for (const path of ['dist/src/index.js', 'dist/src/index.d.ts', 'native/binding.gyp', 'kafka/pom.xml'])
    assert.ok(shipped.has(path), `the tarball ships ${path}`);
  assert.ok(![...shipped].some((p) => p.startsWith('dist/test/') || p.startsWith('native/build/')));

  const typesNode = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies['@types/node'];
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'uses-kload', private: true, type: 'module' }));
  const began = Date.now();
  await step(
    'npm install',
    'npm',
    ['install', '--no-audit', '--no-fund', join(packDir, filename), `@types/node@${typesNode}`],
    project,
    15 * 60_000,
  );
  t.diagnostic(`npm install of the tarball took ${((Date.now() - began) / 1000).toFixed(0)} s`);
  const installed = join(project, 'node_modules', 'kload');
  assert.ok(existsSync(join(installed, 'native', 'build', 'Release', 'kload_native.node')), 'postinstall built it');
  assert.ok(existsSync(join(project, 'node_modules', '@platformatic', 'rdkafka')), 'npm hoisted the binding');
  const version = await step(
    'kload --version',
    join(project, 'node_modules', '.bin', 'kload'),
    ['--version'],
    project,
    30_000,
  );
  assert.match(version.stdout, /\d+\.\d+\.\d+/);

  writeFileSync(join(project, 'example.ts'), readmeExample());
  const compilerOptions = {
    target: 'ES2022',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    strict: true,
    // Check kload's own declarations too, not only the example's use of them.
    skipLibCheck: false,
    types: ['node'],
    outDir: 'out',
  };
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['example.ts'] }));
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  await step('tsc', process.execPath, [tsc, '-p', 'tsconfig.json'], project, 120_000);

  const example = await step('the example', process.execPath, [join('out', 'example.js')], project, 5 * 60_000);
  const printed = /acked (\d+) of (\d+) messages, publish p99 ([\d.]+) ms/.exec(example.stdout);
  assert.ok(printed, `the example prints its figures:\n${example.stdout}\n${example.stderr}`);
  const [acked, sent] = [Number(printed[1]), Number(printed[2])];
  assert.ok(acked > 0, 'messages were acknowledged');
  assert.equal(acked, sent, 'acked = sent: every message of the steady phase');
  assert.equal(sent, 5 * 5000, 'the open-loop schedule sends rate x duration');
  assert.ok(Number(printed[3]) > 0, 'a publish p99 was measured');
});
