/** Maps a path in the parsed data back to a line of the YAML/JSON source. */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import type { PathSegment } from './problems.js';

/**
 * The 1-based line of the key (or list item) at `path`. When the path goes further than the
 * document does (a required key is missing), the line of the deepest part that exists: the
 * mapping the key should be added to.
 */
export function lineOf(doc: Document, lines: LineCounter, path: readonly PathSegment[]): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    let keyOffset: number | undefined;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (pair === undefined) break;
      keyOffset = rangeStart(pair.key);
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      node = node.items[segment];
      keyOffset = rangeStart(node);
    } else {
      break;
    }
    offset = keyOffset ?? offset;
  }
  return lines.linePos(offset).line;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return range?.[0];
}
