/**
 * The report is a header and a list of sections; each section brings its markup and the charts
 * drawn inside it. A new kind of result (a sweep) adds section builders, not a new page.
 */
import type { ChartSpec } from './chart-specs.js';
import { html, type Html } from './escape.js';

export interface ReportSection {
  /** Anchor id, also used in the table of contents. */
  id: string;
  /** Heading and table-of-contents entry. */
  title: string;
  /** Small print after the heading, e.g. "constant, 10 s". */
  subtitle?: string;
  body: Html;
  /** Charts whose containers (`<div id=spec.id>`) are in `body`. */
  charts: ChartSpec[];
  /** Greyed out: shown for context but not part of the verdict (warmup). */
  muted?: boolean;
}

export type Tone = 'good' | 'bad' | 'warn' | 'muted';

export function badge(text: string, tone: Tone): Html {
  return html`<span class="badge ${tone}">${text}</span>`;
}

/** A container the browser script fills with the chart, or a sentence when there is none. */
export function chartSlot(spec: ChartSpec | null, title: string, whyMissing: string): Html {
  if (!spec) return html`<figure class="chart empty"><figcaption>${title}</figcaption><p>${whyMissing}</p></figure>`;
  return html`<figure class="chart"><figcaption>${spec.title}</figcaption>\
<div class="plot" id="${spec.id}"></div></figure>`;
}
