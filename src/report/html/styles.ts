/** The page's own CSS: system fonts, tabular numbers, a calm palette, two charts per row when wide. */
export const PAGE_CSS = `
:root {
  --text: #1f2328; --dim: #656d76; --line: #d8dee4; --soft: #f6f8fa; --accent: #3b6fb6;
  --good: #1a7f37; --good-bg: #dafbe1; --bad: #cf222e; --bad-bg: #ffebe9; --warn: #9a6700; --warn-bg: #fff8c5;
}
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: var(--text);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Liberation Sans", Arial, sans-serif; }
main { max-width: 1240px; margin: 0 auto; padding: 28px 32px 48px; }
h1 { font-size: 28px; margin: 0; }
h2 { font-size: 20px; margin: 0 0 14px; display: flex; align-items: baseline; gap: 12px; flex-wrap: wrap; }
h2 small { font-size: 14px; font-weight: 400; color: var(--dim); }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
code, pre { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace; \
font-size: 13px; }
.dim, .note { color: var(--dim); }
.note { font-size: 13px; margin: 6px 0 0; }
.page-header { border-bottom: 1px solid var(--line); padding-bottom: 18px; margin-bottom: 8px; }
.title-row { display: flex; align-items: center; gap: 14px; }
.description { color: var(--dim); margin: 6px 0 0; }
.status-reason { color: var(--bad); margin: 6px 0 0; }
.facts { display: flex; flex-wrap: wrap; gap: 6px 28px; margin: 14px 0 0; }
.facts div { min-width: 0; }
.facts dt { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--dim); }
.facts dd { margin: 0; font-weight: 500; }
.toc { display: flex; flex-wrap: wrap; gap: 4px 18px; font-size: 14px; padding: 10px 0 4px; }
.report-section { padding: 26px 0 10px; border-bottom: 1px solid var(--line); }
.report-section.muted { opacity: .65; filter: grayscale(1); }
.badge { display: inline-block; padding: 1px 10px; border-radius: 999px; font-size: 13px; font-weight: 600; \
white-space: nowrap; }
.badge.good { color: var(--good); background: var(--good-bg); }
.badge.bad { color: var(--bad); background: var(--bad-bg); }
.badge.warn { color: var(--warn); background: var(--warn-bg); }
.badge.muted { color: var(--dim); background: var(--soft); border: 1px solid var(--line); }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 10px; margin-bottom: 20px; }
.tile { background: var(--soft); border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.tile-label { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--dim); }
.tile-value { white-space: nowrap; font-size: 21px; font-weight: 650; font-variant-numeric: tabular-nums; }
.tile-unit { font-size: 13px; font-weight: 500; color: var(--dim); }
.tile-detail { font-size: 13px; color: var(--dim); }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding-bottom: 6px; }
th, td { padding: 5px 10px; border-bottom: 1px solid var(--line); }
thead th { font-size: 12px; text-transform: uppercase; letter-spacing: .03em; color: var(--dim); font-weight: 600; \
border-bottom: 2px solid var(--line); }
table.numbers { width: 100%; font-size: 14px; }
table.numbers td, table.numbers thead th { text-align: right; }
table.numbers .text, table.numbers thead th.text, tbody th { text-align: left; }
tbody th { font-weight: 600; white-space: nowrap; }
tbody th small { display: block; font-weight: 400; color: var(--dim); font-size: 12px; }
.muted-row { color: var(--dim); }
.failed-row { background: var(--bad-bg); }
.bad-cell { color: var(--bad); font-weight: 700; }
.flags { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; margin-bottom: 12px; }
.reasons { margin: 4px 0 0; padding-left: 20px; color: var(--bad); width: 100%; }
.phase-facts { display: grid; grid-template-columns: minmax(0, 3fr) minmax(220px, 1fr); gap: 24px; align-items: start; \
margin-bottom: 16px; }
.counts { margin: 0; font-size: 14px; }
.counts div { display: flex; justify-content: space-between; gap: 12px; border-bottom: 1px solid var(--line); \
padding: 5px 0; }
.counts dt { color: var(--dim); }
.counts dd { margin: 0; font-variant-numeric: tabular-nums; text-align: right; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 18px; }
.chart { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px 6px; min-width: 0; }
.chart figcaption { font-weight: 600; font-size: 14px; margin-bottom: 4px; }
.chart.empty p { color: var(--dim); margin: 8px 0; }
.plot { width: 100%; }
.u-legend { font-size: 12px; }
.fault-bands { position: absolute; inset: 0; pointer-events: none; overflow: hidden; }
.fault-band { position: absolute; top: 0; bottom: 0; background: rgba(207, 34, 46, .10); \
border-left: 2px solid rgba(207, 34, 46, .55); }
.fault-band span { position: absolute; top: 2px; left: 4px; max-width: calc(100% - 6px); overflow: hidden; \
text-overflow: ellipsis; font-size: 11px; color: var(--bad); white-space: nowrap; }
table.faults .nowrap { white-space: nowrap; }
table.faults td small { display: block; }
.env-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 20px; align-items: start; }
table.kv { width: 100%; font-size: 14px; }
table.kv th { font-weight: 400; color: var(--dim); }
details { margin-top: 16px; }
summary { cursor: pointer; color: var(--accent); }
pre { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 12px; overflow: auto; \
max-height: 420px; }
footer { color: var(--dim); font-size: 13px; padding-top: 18px; }
@media print { .report-section { break-inside: avoid-page; } }
`;
