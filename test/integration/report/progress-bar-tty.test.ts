/**
 * The progress bar as a person sees it: `kload run` in a real terminal (tmux), the pane captured
 * while the run goes. A pipe gets plain lines (the other integration tests read those).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { EmbeddedCluster } from '../../../src/cluster/embedded-cluster.js';
import { repoRoot, tempDir } from '../../helpers/paths.js';

test('on a terminal, kload run redraws one progress bar with the run elapsed, planned and its ETA', async (t) => {
  const cluster = await EmbeddedCluster.start({ nodes: 1 });
  t.after(() => cluster.stop());
  const dir = tempDir('tty');
  const scenario = join(dir, 'tty.json');
  writeFileSync(
    scenario,
    JSON.stringify({
      name: 'tty',
      topics: [{ name: `tty-${process.pid}`, partitions: 1 }],
      producers: { count: 1, threads: 1 },
      phases: [{ name: 'steady', type: 'constant', duration: '6s', rate: 500 }],
    }),
  );
  // A private tmux server: nothing of the user's sessions is touched, and it ends with the test.
  const tmux = (...args: string[]) =>
    execFileSync('tmux', ['-L', `kload-test-${process.pid}`, ...args], { encoding: 'utf8' });
  t.after(() => {
    try {
      tmux('kill-server');
    } catch {
      // already gone
    }
  });
  const command = [process.execPath, join(repoRoot(), 'bin', 'kload.cjs'), 'run', scenario, '--brokers']
    .concat([cluster.bootstrapServers, '--out', dir])
    .map((a) => `'${a}'`)
    .join(' ');
  tmux('new-session', '-d', '-x', '160', '-y', '30', `${command}; echo "exit $?"; sleep 60`);
  const seen: string[] = [];
  const deadline = Date.now() + 90_000;
  let pane = '';
  while (Date.now() < deadline) {
    pane = tmux('capture-pane', '-p');
    for (const line of pane.split('\n')) if (/\[#*\.*\] \d+\/6s ETA \d+s/.test(line)) seen.push(line.trim());
    if (/^exit \d+$/m.test(pane)) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.match(pane, /^exit 0$/m, pane);
  assert.ok(seen.length > 0, `no progress bar in the pane:\n${pane}`);
  t.diagnostic(`first bar: ${seen[0]}`);
  assert.match(seen[0]!, /^steady \d+\/6s \[/);
  // Redrawn in place: the finished pane holds no stack of per-second progress lines.
  assert.ok(!/\[steady \d+\/6s\] /.test(pane), `plain per-second lines on a terminal:\n${pane}`);
  assert.ok(pane.split('\n').filter((l) => /ETA \d+s/.test(l)).length <= 1, pane);
});
