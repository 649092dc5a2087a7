import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadNative } from '../../../src/native/addon.js';
import { newProducer } from '../../../src/kafka/rdkafka.js';

const native = loadNative();

test('the addon loads once per thread and shares the one librdkafka of @platformatic/rdkafka', () => {
  assert.equal(loadNative(), native);
  assert.match(native.librdkafkaVersion(), /^2\.12\./);
  assert.equal(native.STAMP_TRAILER_BYTES, 44);
  newProducer({ 'bootstrap.servers': '127.0.0.1:1' }); // loads the binding's librdkafka too
  const maps = readFileSync('/proc/self/maps', 'utf8')
    .split('\n')
    .filter((l) => /librdkafka\.so/.test(l))
    .map((l) => l.split(/\s+/).pop());
  assert.equal(new Set(maps).size, 1, `one librdkafka mapped: ${[...new Set(maps)].join(', ')}`);
});

test('an unreachable broker fails connect fast with a librdkafka code', () => {
  for (const make of [
    () => new native.NativeProducer({ 'bootstrap.servers': '127.0.0.1:1', log_level: '0' }),
    () => new native.NativeConsumer({ 'bootstrap.servers': '127.0.0.1:1', 'group.id': 'nobody', log_level: '0' }),
  ]) {
    const client = make();
    const t0 = Date.now();
    assert.throws(
      () => client.connect(1500),
      (err: Error & { code?: unknown; errName?: unknown }) => {
        assert.equal(typeof err.code, 'number');
        assert.ok((err.code as number) < 0, `a local librdkafka code, got ${String(err.code)}`);
        assert.equal(typeof err.errName, 'string');
        assert.match(err.message, /127\.0\.0\.1:1/);
        return true;
      },
    );
    assert.ok(Date.now() - t0 < 3000, `failed in ${Date.now() - t0} ms`);
    client.close();
    assert.throws(() => client.connect(10), /closed/);
  }
});

test('bad arguments throw instead of crashing', () => {
  assert.throws(() => new native.NativeProducer({ 'no.such.property': 'x' }), /librdkafka config/);
  const p = new native.NativeProducer({ 'bootstrap.servers': '127.0.0.1:1', log_level: '0' });
  // A producer is not a Waiter, and a method needs its own receiver.
  assert.throws(() => new native.NativeProducer({}, p as never), /Waiter/);
  const w = new native.Waiter();
  assert.throws(
    () => (native.NativeProducer.prototype.outqLen as (this: unknown) => number).call(w),
    /Illegal invocation/,
  );
  assert.throws(() => p.produceBatch('t', -1, { count: 1 } as never, 0), TypeError);
  p.close();
  w.close();
});
