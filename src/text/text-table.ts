/**
 * A plain-text table with aligned columns, for terminals and CI logs alike: no colours, no box
 * drawing, so it survives copy-paste into an issue or a commit message.
 */

export type Align = 'left' | 'right';

export interface Column {
  header: string;
  align: Align;
}

const COLUMN_GAP = '  ';

/** Header, a dashed rule, then the rows; each column as wide as its widest cell. */
export function formatTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((column, i) =>
    Math.max(column.header.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    columns
      .map((column, i) => pad(cells[i] ?? '', widths[i] ?? 0, column.align))
      .join(COLUMN_GAP)
      .trimEnd();
  return [
    line(columns.map((column) => column.header)),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
  ].join('\n');
}

function pad(text: string, width: number, align: Align): string {
  return align === 'left' ? text.padEnd(width) : text.padStart(width);
}
