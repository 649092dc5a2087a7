/**
 * Runs in the browser, not in Node: page.ts inlines this function's source (`drawCharts.toString()`)
 * and calls it with the uPlot global and the chart specs embedded as JSON. So it must stay
 * self-contained: type-only imports, no helpers outside its body, nothing from Node.
 */
import type uPlot from 'uplot';
import type { ChartSpec } from './chart-specs.js';

export function drawCharts(UPlot: typeof uPlot, specs: ChartSpec[]): void {
  const HEIGHT = 260;
  const number = (v: number, digits: number) => v.toLocaleString('en-US', { maximumFractionDigits: digits });
  const withUnit = (v: number | null | undefined, unit: string) => {
    if (v === null || v === undefined) return '–';
    const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 1 ? 2 : 3;
    return `${number(v, digits)} ${unit}`;
  };
  // x = 1/(1-p): 1 -> "0%", 10 -> "90%", 100 -> "99%", 1000 -> "99.9%".
  const percentile = (x: number) => `${number(100 - 100 / x, 4)}%`;
  // uPlot's default log ticks (every 2..9 of each decade) crowd the grid: ticks at whole decades,
  // or at 1-2-5 steps when the data spans under three decades (the nines axis always by decade).
  const logTicks = (min: number, max: number, decadesOnly: boolean) => {
    const from = Math.floor(Math.log10(min));
    const to = Math.ceil(Math.log10(max));
    const steps = decadesOnly || to - from >= 3 ? [1] : [1, 2, 5];
    const out: number[] = [];
    for (let e = from; e <= to; e++) {
      for (const step of steps) {
        const x = step * 10 ** e;
        if (x >= min * 0.9999 && x <= max * 1.0001) out.push(x);
      }
    }
    return out;
  };
  // Faults are shaded in a layer under the canvas (transparent where nothing is drawn), so the
  // lines stay on top; placed again on every redraw, which follows resizes and zooms.
  const placeBands = (u: uPlot, bands: NonNullable<ChartSpec['bands']>) => {
    let layer = u.under.querySelector<HTMLDivElement>('.fault-bands');
    if (!layer) {
      layer = document.createElement('div');
      layer.className = 'fault-bands';
      u.under.appendChild(layer);
    }
    layer.replaceChildren();
    const width = u.under.clientWidth;
    for (const b of bands) {
      const left = Math.max(0, u.valToPos(b.fromX, 'x'));
      const right = Math.min(width, u.valToPos(b.toX, 'x'));
      if (!(right >= left)) continue;
      const band = document.createElement('div');
      band.className = 'fault-band';
      band.style.left = `${left}px`;
      band.style.width = `${Math.max(2, right - left)}px`;
      band.title = b.label;
      const label = document.createElement('span');
      label.textContent = b.label;
      band.appendChild(label);
      layer.appendChild(band);
    }
  };
  const charts: uPlot[] = [];
  for (const spec of specs) {
    const el = document.getElementById(spec.id);
    if (!el) continue;
    const nines = spec.kind === 'nines';
    const bands = spec.bands ?? [];
    // A band may start before the first interval's end (x = 1 s): the axis then starts there too.
    const bandsFrom = Math.min(...bands.map((b) => b.fromX));
    const bandsTo = Math.max(...bands.map((b) => b.toX));
    const xAxis: uPlot.Axis = nines
      ? {
          label: spec.xLabel,
          splits: (_u, _i, min, max) => logTicks(min, max, true),
          values: (_u, splits) => splits.map(percentile),
        }
      : { label: spec.xLabel, incrs: [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600] };
    const opts: uPlot.Options = {
      width: el.clientWidth,
      height: HEIGHT,
      scales: {
        // The nines axis ends at the max's x instead of rounding up to the next decade.
        x: nines
          ? { time: false, distr: 3, log: 10, range: (_u, _min, max) => [1, Math.max(max, 10)] }
          : bands.length > 0
            ? { time: false, range: (_u, min, max) => [Math.min(min, bandsFrom), Math.max(max, bandsTo)] }
            : { time: false },
        y: spec.logY ? { distr: 3, log: 10 } : { range: (_u, _min, max) => [0, max > 0 ? max * 1.08 : 1] },
      },
      axes: [
        xAxis,
        spec.logY
          ? { label: spec.yLabel, size: 64, splits: (_u, _i, min, max) => logTicks(min, max, false) }
          : { label: spec.yLabel, size: 64 },
      ],
      series: [
        {
          label: nines ? 'percentile' : 'time',
          value: (_u, v) => (v === null ? '–' : nines ? percentile(v) : `${number(v, 1)} s`),
        },
        ...spec.series.map(
          (s): uPlot.Series => ({
            label: s.label,
            stroke: s.color,
            width: 2,
            dash: s.dashed ? [6, 4] : [],
            spanGaps: nines,
            points: { show: nines, size: 5 },
            value: (_u, v) => withUnit(v, spec.unit),
          }),
        ),
      ],
      cursor: { drag: { x: true, y: false } },
      hooks: bands.length > 0 ? { draw: [(u) => placeBands(u, bands)] } : {},
    };
    charts.push(new UPlot(opts, spec.data as uPlot.AlignedData, el));
  }
  window.addEventListener('resize', () => {
    for (const chart of charts) {
      const width = chart.root.parentElement?.clientWidth ?? chart.width;
      chart.setSize({ width, height: HEIGHT });
    }
  });
}
