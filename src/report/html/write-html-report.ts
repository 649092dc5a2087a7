import { writeFileAtomic } from '../../write-file-atomic.js';
import type { RunResult } from '../../result/result-types.js';
import { loadReportAssets } from './assets.js';
import { renderRunReport } from './render-report.js';

/** Renders the report and writes it atomically; returns the page's size in bytes. */
export async function writeHtmlReport(result: RunResult, path: string): Promise<number> {
  const page = renderRunReport(result, loadReportAssets());
  await writeFileAtomic(path, page);
  return Buffer.byteLength(page);
}
