import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { activeController } from '../../../src/faults/quorum-state.js';
import { tempDir } from '../../helpers/paths.js';

/** A metadata log dir whose quorum-state file holds this (as Kafka 4 writes it). */
function logDir(state: object | string): string {
  const dir = tempDir('quorum');
  mkdirSync(join(dir, '__cluster_metadata-0'));
  const text = typeof state === 'string' ? state : JSON.stringify({ clusterId: '', votedId: -1, ...state });
  writeFileSync(join(dir, '__cluster_metadata-0', 'quorum-state'), text);
  return dir;
}

test('the leader of the highest epoch among the files is the active controller', () => {
  const dirs = [logDir({ leaderId: 1, leaderEpoch: 1 }), logDir({ leaderId: 3, leaderEpoch: 2 }), logDir('{broken')];
  assert.deepEqual(activeController(dirs), { leaderId: 3, leaderEpoch: 2 });
});

test('no controller while the newest epoch has no leader yet (an election), nor without files', () => {
  assert.equal(
    activeController([logDir({ leaderId: 1, leaderEpoch: 1 }), logDir({ leaderId: -1, leaderEpoch: 2 })]),
    null,
  );
  assert.equal(activeController([tempDir('empty')]), null);
});
