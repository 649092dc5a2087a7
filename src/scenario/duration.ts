/** Durations as users write them ("500ms", "10s", "1.5m", "1h", or a bare number of seconds). */
import { z } from 'zod';

export const durationPattern = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|m|h)\s*$/;
const unitMs = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;

const durationHelp = 'must be a duration such as "500ms", "10s", "1.5m" or "1h" (or a number of seconds)';

/** Milliseconds for a duration string, or null when it is not one. */
export function parseDurationMs(text: string): number | null {
  const match = durationPattern.exec(text);
  if (match === null) return null;
  return Number(match[1]) * unitMs[match[2] as keyof typeof unitMs];
}

/** Accepts a duration string or seconds, yields whole milliseconds (>= 1). */
export function duration() {
  return z
    .union([z.string().regex(durationPattern, { error: durationHelp }), z.number().positive()], { error: durationHelp })
    .transform((value, ctx) => {
      const exact = typeof value === 'number' ? value * 1_000 : (parseDurationMs(value) as number);
      // Whole milliseconds: timers and schedules work in ms, and 1.1 * 1000 is 1100.0000000000002.
      const ms = Math.round(exact);
      if (ms < 1) {
        ctx.addIssue({ code: 'custom', input: value, message: exact === 0 ? 'must be > 0' : 'must be at least 1ms' });
        return z.NEVER;
      }
      return ms;
    });
}
