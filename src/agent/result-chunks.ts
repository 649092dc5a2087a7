/**
 * A segment result through the control topic: gzip'd, base64, cut into pieces well under
 * Kafka's default 1 MB message limit (an integrity bitmap alone is 1.25 MB per 10 M messages).
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { ResultChunk } from './control-protocol.js';

export const CHUNK_CHARS = 256 * 1024;

export function toChunks(data: unknown): string[] {
  const packed = gzipSync(JSON.stringify(data)).toString('base64');
  const chunks: string[] = [];
  for (let at = 0; at < packed.length; at += CHUNK_CHARS) chunks.push(packed.slice(at, at + CHUNK_CHARS));
  return chunks.length > 0 ? chunks : [''];
}

/** Collects one agent's chunks of one run; `add` returns the JSON once every piece is in. */
export class ChunkAssembler {
  private readonly parts = new Map<number, string>();

  add(c: ResultChunk): unknown | undefined {
    this.parts.set(c.index, c.data);
    if (this.parts.size < c.total) return undefined;
    const packed = Array.from({ length: c.total }, (_, i) => this.parts.get(i) ?? '').join('');
    return JSON.parse(gunzipSync(Buffer.from(packed, 'base64')).toString('utf8')) as unknown;
  }
}
