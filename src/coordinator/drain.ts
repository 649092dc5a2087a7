import type { WatermarkReader } from '../kafka/watermarks.js';
import type { PositionSource } from '../segment/position-source.js';
import type { ExecuteInput } from './execute-run.js';
import { waitUntil } from './wait-until.js';

/**
 * After the last phase, waits (bounded) until every group has read up to the high watermarks
 * taken once the producers finished, so the integrity verdict is not about messages still in
 * flight. A segment cannot know when the other segments' producers are done, so it also waits
 * for the watermarks to stay put between two reads. Returns whether the drain completed.
 */
export async function drainToWatermarks(
  reader: WatermarkReader,
  highAtStart: number[],
  groups: string[],
  positions: PositionSource,
  input: ExecuteInput,
  failure: () => Error | null,
): Promise<boolean> {
  const topic = input.scenario.producers.topic;
  const deadline = Date.now() + input.drainTimeoutMs;
  let high = await reader.highWatermarks(topic, input.partitions);
  const written = high.reduce((n, h, p) => n + h - (highAtStart[p] ?? 0), 0);
  input.reporter.info(
    `Draining: waiting for ${groups.join(', ')} ` +
      `to read the ${written.toLocaleString('en-US')} messages written to ${topic} ...`,
  );
  const reached = (g: string, marks: number[]) => {
    const pos = positions.positionsOf(g);
    return marks.every((h, p) => h === (highAtStart[p] ?? 0) || (pos.get(p) ?? 0) >= h);
  };
  try {
    for (;;) {
      const marks = high;
      await waitUntil(
        'the drain',
        () => input.signal.aborted || groups.every((g) => reached(g, marks)),
        Math.max(0, deadline - Date.now()),
        failure,
      );
      if (input.signal.aborted || !input.segmented) return !input.signal.aborted;
      await new Promise((r) => setTimeout(r, 1000));
      high = await reader.highWatermarks(topic, input.partitions);
      if (high.every((h, p) => h === marks[p])) return true;
    }
  } catch (err) {
    input.reporter.warn(`Drain incomplete, messages not yet read are counted as unverified: ${(err as Error).message}`);
    return false;
  }
}
