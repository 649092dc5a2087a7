import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatTable } from '../../../src/text/text-table.js';

test('a text table pads left-aligned and right-aligned columns to the widest cell', () => {
  const table = formatTable(
    [
      { header: 'name', align: 'left' },
      { header: 'n', align: 'right' },
    ],
    [
      ['a', '1'],
      ['longer', '1,000'],
    ],
  );
  assert.equal(table, ['name        n', '------  -----', 'a           1', 'longer  1,000'].join('\n'));
});
