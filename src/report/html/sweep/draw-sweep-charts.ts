/**
 * Runs in the browser, not in Node: sweep-page.ts inlines this function's source and calls it with
 * the uPlot global and the chart specs embedded as JSON. So it must stay self-contained: type-only
 * imports, no helpers outside its body, nothing from Node. The charts are kept on
 * `window.kloadCharts` so a test (or a curious reader's console) can see what each one holds.
 */
import type uPlot from 'uplot';
import type { XyChartSpec } from './xy-chart.js';

export function drawSweepCharts(UPlot: typeof uPlot, specs: XyChartSpec[]): void {
  const HEIGHT = 280;
  const withUnit = (v: number | null | undefined, unit: string) => {
    if (v === null || v === undefined) return '–';
    const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 1 ? 2 : 3;
    const text = v.toLocaleString('en-US', { maximumFractionDigits: digits });
    return unit === '' ? text : `${text} ${unit}`;
  };
  // uPlot's default log ticks (every 2..9 of each decade) crowd the grid: 1-2-5 steps instead.
  // Under a decade and a bit (N = 1..4), 1-2-5 would leave two ticks: more steps then.
  const logTicks = (min: number, max: number) => {
    const out: number[] = [];
    const steps = max / min < 6 ? [1, 1.5, 2, 3, 4, 5, 6, 8] : [1, 2, 5];
    for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) {
      for (const step of steps) {
        const x = step * 10 ** e;
        if (x >= min * 0.9999 && x <= max * 1.0001) out.push(x);
      }
    }
    return out;
  };
  const linearX = (_u: uPlot, min: number, max: number): uPlot.Range.MinMax => {
    const pad = max > min ? (max - min) * 0.05 : 0.5;
    return [min - pad, max + pad];
  };
  const series = (s: XyChartSpec['series'][number], unit: string): uPlot.Series => {
    const common = { label: s.label, stroke: s.color, value: (_u: uPlot, v: number | null) => withUnit(v, unit) };
    if (s.style === 'points' || s.style === 'rings' || s.style === 'highlight') {
      // No path, only dots: a measured point is not joined to its neighbours. Rings stay visible
      // over dots at the same place (consumers that kept up with producers); a highlight rings both.
      const fill = s.style === 'points' ? s.color : 'transparent';
      const size = s.style === 'highlight' ? 20 : s.style === 'rings' ? 12 : 8;
      const width = s.style === 'highlight' ? 3 : 2;
      return { ...common, paths: () => null, points: { show: true, size, width, space: 0, fill } };
    }
    const dash = s.style === 'line' ? [] : s.style === 'dashed' ? [6, 4] : [2, 3];
    return { ...common, width: s.style === 'edge' ? 1 : 2, dash, spanGaps: true, points: { show: false } };
  };
  // Named x values (runs of a trend) sit on whole numbers 1..n; at most ~12 labels fit under a chart.
  const namedAxis = (label: string, names: string[]): uPlot.Axis => ({
    label,
    splits: (_u, _i, min, max) => {
      const out: number[] = [];
      const step = Math.max(1, Math.ceil((Math.floor(max) - Math.ceil(min) + 1) / 12));
      for (let x = Math.max(1, Math.ceil(min)); x <= Math.min(names.length, Math.floor(max)); x += step) out.push(x);
      return out;
    },
    values: (_u, splits) => splits.map((x) => names[x - 1] ?? ''),
  });
  const charts: uPlot[] = [];
  for (const spec of specs) {
    const el = document.getElementById(spec.id);
    if (!el) continue;
    const opts: uPlot.Options = {
      width: el.clientWidth,
      height: HEIGHT,
      scales: {
        // A log x axis ends near the data instead of at whole decades (N = 1..4 is not 1..10).
        x: spec.logX
          ? { time: false, distr: 3, log: 10, range: (_u, min, max) => [min / 1.15, max * 1.15] }
          : { time: false, range: linearX },
        y: spec.logY ? { distr: 3, log: 10 } : { range: (_u, _min, max) => [0, max > 0 ? max * 1.08 : 1] },
      },
      axes: [
        spec.xNames
          ? namedAxis(spec.xLabel, spec.xNames)
          : spec.logX
            ? // uPlot labels only 1-2-5 ticks of a log axis by default; label every tick placed.
              { label: spec.xLabel, splits: (_u, _i, min, max) => logTicks(min, max), filter: (_u, splits) => splits }
            : { label: spec.xLabel },
        spec.logY
          ? {
              label: spec.yLabel,
              size: 70,
              splits: (_u, _i, min, max) => logTicks(min, max),
              filter: (_u, splits) => splits,
            }
          : { label: spec.yLabel, size: 70 },
      ],
      series: [
        {
          label: spec.xLabel,
          value: (_u, v) => (spec.xNames && v !== null ? `${v}: ${spec.xNames[v - 1] ?? ''}` : withUnit(v, spec.xUnit)),
        },
        ...spec.series.map((s) => series(s, spec.unit)),
      ],
      bands: spec.bands.map((b) => ({ series: [b.upper, b.lower] as [number, number], fill: b.fill })),
      cursor: { drag: { x: true, y: false } },
    };
    const chart = new UPlot(opts, spec.data as uPlot.AlignedData, el);
    // A band's edges are drawn but left out of the legend: the band is read with its curve.
    const rows = chart.root.querySelectorAll<HTMLElement>('.u-legend .u-series');
    spec.series.forEach((s, i) => {
      const row = rows[i + 1];
      if (s.style === 'edge' && row) row.style.display = 'none';
    });
    charts.push(chart);
  }
  (window as unknown as { kloadCharts: uPlot[] }).kloadCharts = charts;
  window.addEventListener('resize', () => {
    for (const chart of charts) {
      const width = chart.root.parentElement?.clientWidth ?? chart.width;
      chart.setSize({ width, height: HEIGHT });
    }
  });
}
