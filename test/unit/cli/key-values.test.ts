import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseKeyValues } from '../../../src/cli/key-values.js';

test('key=value flags are parsed and every malformed one is reported together', () => {
  assert.deepEqual(parseKeyValues(['a=1', 'b = x=y'], '--x'), { a: '1', b: 'x=y' });
  assert.throws(
    () => parseKeyValues(['good=1', 'bad', '=nokey'], '--broker-property'),
    /--broker-property expects key=value; got "bad", "=nokey"/,
  );
});
