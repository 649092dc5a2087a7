/**
 * How the trend rule (src/trend) behaves on histories whose truth is known: runs drawn from a
 * log-normal distribution (latencies and rates scatter multiplicatively) at three noise levels,
 * through the same findChangePoint and bandOf as kload trend. Printed by bench/trend.ts before
 * the real runs; a seeded generator, so the figures are the same on every machine.
 */
import { findChangePoint } from '../src/trend/change-point.js';
import { bandOf, movementOf } from '../src/trend/robust-band.js';
import { mulberry32 } from '../test/helpers/random.js';

const HISTORIES = 20_000;
const TOLERANCE = 0.05;

export function simulateTrendRule(): string[] {
  const rnd = mulberry32(20261207);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const lines = [
    `${HISTORIES.toLocaleString('en-US')} simulated histories per noise level (log-normal, tolerance 5%):`,
    'noise sd | 10 noise runs: any change point | newest of 11 regressed | 2x slower newest caught | ' +
      '1.5x slower caught | step x2 at run 7 of 10 found there',
  ];
  for (const sd of [0.02, 0.1, 0.4]) {
    const draw = (n: number) => Array.from({ length: n }, () => 100 * Math.exp(sd * normal()));
    const runs = (values: number[]) => values.map((value) => ({ value, samples: [value] }));
    const count = { change: 0, regressed: 0, twice: 0, half: 0, step: 0 };
    for (let h = 0; h < HISTORIES; h++) {
      const v = draw(11);
      if (findChangePoint(runs(v.slice(0, 10)), 'lower-is-better', TOLERANCE) !== null) count.change++;
      const band = bandOf(v.slice(0, 10), 10, TOLERANCE)!;
      if (movementOf(v[10]!, band, 'lower-is-better') === 'worse') count.regressed++;
      if (movementOf(2 * v[10]!, band, 'lower-is-better') === 'worse') count.twice++;
      if (movementOf(1.5 * v[10]!, band, 'lower-is-better') === 'worse') count.half++;
      const stepped = v.slice(0, 10).map((x, i) => (i >= 6 ? 2 * x : x));
      if (findChangePoint(runs(stepped), 'lower-is-better', TOLERANCE)?.run === 7) count.step++;
    }
    const pct = (n: number) => `${((100 * n) / HISTORIES).toFixed(1)}%`;
    lines.push(
      `${sd.toFixed(2).padStart(8)} | ${pct(count.change).padStart(31)} | ${pct(count.regressed).padStart(22)} | ` +
        `${pct(count.twice).padStart(23)} | ${pct(count.half).padStart(18)} | ${pct(count.step).padStart(8)}`,
    );
  }
  return lines;
}
