import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KloadError } from '../../../src/errors.js';
import type { SegmentResult } from '../../../src/result/segment-types.js';
import { mergeSegments } from '../../../src/segment/merge-segments.js';
import { checkSegment } from '../../../src/segment/segment-codec.js';
import { segmentJson } from '../../helpers/fuzz-fixtures.js';

const invalidSegment = (message: RegExp) => (e: unknown) =>
  e instanceof KloadError && e.code === 'INVALID_SEGMENT' && message.test(e.message);

/** Segment 1 as parsed from its file, for a test to damage. */
const parsed = () => JSON.parse(segmentJson(1));

test('two undamaged segments merge', () => {
  const merged = mergeSegments([1, 2].map((i) => checkSegment(JSON.parse(segmentJson(i as 1 | 2)), `s${i}`)));
  assert.equal(merged.phases[0]!.acked, 200);
});

test('a segment damaged below its top level is refused naming the field', () => {
  const notAnIndex = parsed();
  notAnIndex.intervals[0][0].index = {};
  assert.throws(() => checkSegment(notAnIndex, 's1'), invalidSegment(/intervals\[0\]\[0\]\.index/));
  const noBitmap = parsed();
  delete noBitmap.producers[0].producers[0].ackedBase64;
  assert.throws(() => checkSegment(noBitmap, 's1'), invalidSegment(/producers\[0\]\.producers\[0\]\.ackedBase64/));
});

test('a segment whose schedule starts outside its own run is refused, not lined up years away', () => {
  // Lining it up used to build an interval series of 1.7 billion seconds: kload merge hung.
  const early = parsed();
  early.scheduleStartWallUs = -1;
  const second: SegmentResult = checkSegment(JSON.parse(segmentJson(2)), 's2');
  assert.throws(
    () => mergeSegments([checkSegment(early, 's1'), second]),
    invalidSegment(/segment 1\/2 has its schedule start outside/),
  );
  const far = parsed();
  far.intervals[0][0].index = 2 ** 53 - 1;
  assert.throws(
    () => mergeSegments([checkSegment(far, 's1'), second]),
    invalidSegment(/interval 9007199254740991 outside/),
  );
});
