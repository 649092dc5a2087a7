import { extname } from 'node:path';
import { writeFileAtomic } from '../write-file-atomic.js';
import { formatHlog } from './hlog.js';
import { writeHtmlReport } from './html/write-html-report.js';
import type { RunResult } from '../result/result-types.js';

/**
 * Writes the files asked for by `--html [file]` / `--hlog [file]` (an empty value means "next to
 * the result") and returns one line per file for the user. Used by `kload run` and `kload report`.
 */
export async function writeReports(
  result: RunResult,
  resultPath: string,
  wanted: { html?: string; hlog?: string },
): Promise<string[]> {
  const lines: string[] = [];
  if (wanted.html !== undefined) {
    const path = outputPath(resultPath, wanted.html, '.html');
    const bytes = await writeHtmlReport(result, path);
    lines.push(`HTML report: ${path} (${Math.ceil(bytes / 1024)} KiB)`);
  }
  if (wanted.hlog !== undefined) {
    const path = outputPath(resultPath, wanted.hlog, '.hlog');
    await writeFileAtomic(path, formatHlog(result));
    lines.push(`HdrHistogram log: ${path}`);
  }
  return lines;
}

/**
 * `--html` alone gives "" from yargs: the result's path with the report's extension (the sweep
 * and plan pages' default too; `extension` may carry a suffix, as in "-plan.html").
 */
export function outputPath(resultPath: string, flagValue: string, extension: string): string {
  if (flagValue !== '') return flagValue;
  const ext = extname(resultPath);
  return `${ext === '' ? resultPath : resultPath.slice(0, -ext.length)}${extension}`;
}
