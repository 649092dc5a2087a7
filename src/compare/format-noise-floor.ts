/** What `kload compare --calibrate` prints: each metric's largest A/A change and its floor. */
import { formatDecimal } from '../text/format.js';
import { formatTable } from '../text/text-table.js';
import type { NoiseFloor } from './noise-floor-types.js';

export function formatNoiseFloor(floor: NoiseFloor, path: string): string {
  const percent = (fraction: number | null): string =>
    fraction === null ? 'unbounded' : `${formatDecimal(fraction * 100, 1)}%`;
  const rows = floor.floors.map((f) => [f.phase, f.metric, percent(f.largestChange), percent(f.floor)]);
  return [
    `Noise floor of scenario "${floor.scenario}" from ${floor.runs} A/A runs (${floor.pairs} ordered pairs): ` +
      `${floor.method}.`,
    formatTable(
      [
        { header: 'phase', align: 'left' },
        { header: 'metric', align: 'left' },
        { header: 'largest A/A change', align: 'right' },
        { header: 'floor', align: 'right' },
      ],
      rows,
    ),
    `Written to ${path}; use it with: kload compare base.json head.json --noise-floor ${path}`,
  ].join('\n');
}
