/**
 * Bad inputs for the fuzz test, made from good ones: pure functions of the source text and a
 * seeded random source, so a seed names the exact file a failing case was given. Each mutant
 * carries a name that says what was done and where (`wrongType producers.count = []`).
 */
import { parse, stringify } from 'yaml';
import {
  durationish,
  emptyDocs,
  nanish,
  numberLiterals,
  numbers,
  oddKeys,
  tags,
  unicode,
  wrongTypes,
  paths,
  show,
  valueAt,
  type Path,
} from './fuzz-values.js';

export type Rng = () => number;
export type Format = 'yaml' | 'json';

export interface Mutant {
  name: string;
  content: string | Uint8Array;
}

interface Source {
  text: string;
  data: unknown;
  format: Format;
  rnd: Rng;
}

type Mutation = (source: Source) => Mutant;

export function pick<T>(rnd: Rng, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)] as T;
}

/** Every mutation a scenario (YAML) goes through, each once per round. */
export const SCENARIO_MUTATIONS: Readonly<Record<string, Mutation>> = {
  deleteKey,
  wrongType,
  hugeOrNegativeNumber,
  nanishString,
  durationString,
  unicodeString,
  unicodeKey,
  deepNesting,
  oddKey,
  bigList,
  numberLiteral,
  duplicateKey,
  emptyDocument,
  truncate,
  garble,
  nestingBomb,
  yamlTag,
};

/** The mutations a saved result (JSON) goes through: damaged files, and valid JSON of the wrong shape. */
export const RESULT_MUTATIONS: Readonly<Record<string, Mutation>> = {
  truncate,
  garble,
  garble2: garble,
  deleteKey,
  wrongType,
  hugeOrNegativeNumber,
  unicodeString,
  emptyDocument,
};

/** `count` mutants of `text`, going round the mutations in order so each kind gets its share. */
export function mutants(
  text: string,
  format: Format,
  rnd: Rng,
  count: number,
  mutations: Readonly<Record<string, Mutation>>,
): Mutant[] {
  const data = format === 'json' ? (JSON.parse(text) as unknown) : (parse(text) as unknown);
  const kinds = Object.values(mutations);
  return Array.from({ length: count }, (_, i) => (kinds[i % kinds.length] as Mutation)({ text, data, format, rnd }));
}

function deleteKey(s: Source): Mutant {
  const path = pickKey(s);
  return structural(s, `deleteKey ${show(path)}`, path, undefined);
}

function wrongType(s: Source): Mutant {
  const path = pick(s.rnd, paths(s.data));
  const value = pick(s.rnd, wrongTypes);
  return structural(s, `wrongType ${show(path)} = ${JSON.stringify(value)}`, path, value);
}

function hugeOrNegativeNumber(s: Source): Mutant {
  const path = pickLeaf(s, (v) => typeof v === 'number');
  const value = pick(s.rnd, numbers);
  return structural(s, `number ${show(path)} = ${value}`, path, value);
}

function nanishString(s: Source): Mutant {
  const path = pickLeaf(s, (v) => typeof v === 'number');
  const value = pick(s.rnd, nanish);
  return structural(s, `nanish ${show(path)} = ${JSON.stringify(value)}`, path, value);
}

function durationString(s: Source): Mutant {
  const path = pickLeaf(s, (v) => typeof v === 'string' || typeof v === 'number');
  const value = pick(s.rnd, durationish);
  return structural(s, `duration ${show(path)} = ${JSON.stringify(value)}`, path, value);
}

function unicodeString(s: Source): Mutant {
  const path = pickLeaf(s, (v) => typeof v === 'string');
  const value = pick(s.rnd, unicode);
  return structural(s, `unicode ${show(path)} = ${JSON.stringify(value)}`, path, value);
}

function unicodeKey(s: Source): Mutant {
  return renameKey(s, pick(s.rnd, unicode), 'unicodeKey');
}

function oddKey(s: Source): Mutant {
  return renameKey(s, pick(s.rnd, oddKeys), 'oddKey');
}

function deepNesting(s: Source): Mutant {
  const path = pick(s.rnd, paths(s.data));
  let value: unknown = 1;
  for (let i = 0; i < 500; i++) value = i % 2 === 0 ? [value] : { deeper: value };
  return structural(s, `deepNesting(500) ${show(path)}`, path, value);
}

function bigList(s: Source): Mutant {
  const path = pick(s.rnd, paths(s.data));
  const value = Array.from({ length: 2000 }, (_, i) => i + 1);
  return structural(s, `bigList(2000) ${show(path)}`, path, value);
}

/** A number token in the text replaced by a literal only the YAML parser sees (1e309, 0x1F, .nan). */
function numberLiteral(s: Source): Mutant {
  const tokens = [...s.text.matchAll(/(?<=[:,[]\s*)-?\d+(\.\d+)?(?=\s*[,\]}\n])/g)];
  if (tokens.length === 0) return truncate(s);
  const token = pick(s.rnd, tokens);
  const literal = pick(s.rnd, numberLiterals);
  const at = token.index ?? 0;
  const content = s.text.slice(0, at) + literal + s.text.slice(at + token[0].length);
  return { name: `numberLiteral "${token[0]}" -> ${literal} at offset ${at}`, content };
}

/** A `key: value` line written twice, which YAML forbids but a hand edit easily does. */
function duplicateKey(s: Source): Mutant {
  const lines = s.text.split('\n');
  const keyed = lines.map((line, i) => ({ line, i })).filter(({ line }) => /^\s*[A-Za-z$][\w.$-]*:/.test(line));
  if (keyed.length === 0) return truncate(s);
  const { line, i } = pick(s.rnd, keyed);
  lines.splice(i + 1, 0, line);
  return { name: `duplicateKey line ${i + 1} "${line.trim()}"`, content: lines.join('\n') };
}

function emptyDocument(s: Source): Mutant {
  const content = pick(s.rnd, emptyDocs);
  return { name: `emptyDocument ${JSON.stringify(content)}`, content };
}

function truncate(s: Source): Mutant {
  const at = Math.floor(s.rnd() * s.text.length);
  return { name: `truncate at offset ${at} of ${s.text.length}`, content: s.text.slice(0, at) };
}

/** 1 to 4 random bytes overwritten with random bytes (not necessarily valid UTF-8). */
function garble(s: Source): Mutant {
  const bytes = new Uint8Array(Buffer.from(s.text, 'utf8'));
  const changes: string[] = [];
  const n = 1 + Math.floor(s.rnd() * 4);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(s.rnd() * bytes.length);
    const byte = Math.floor(s.rnd() * 256);
    bytes[at] = byte;
    changes.push(`${at}=0x${byte.toString(16)}`);
  }
  return { name: `garble bytes ${changes.join(' ')}`, content: bytes };
}

/** Far deeper than any file needs: parsers that recurse per level overflow the stack here. */
function nestingBomb(s: Source): Mutant {
  const depth = pick(s.rnd, [5_000, 50_000]);
  const flow = `${'['.repeat(depth)}${']'.repeat(depth)}`;
  return { name: `nestingBomb(${depth})`, content: `${s.text}\nbomb: ${flow}\n` };
}

function yamlTag(s: Source): Mutant {
  const tag = pick(s.rnd, tags);
  const path = pick(s.rnd, paths(s.data, [], 1));
  return { name: `yamlTag ${show(path)}: ${tag}`, content: `${s.text}\n${String(path[0])}: ${tag}\n` };
}

function renameKey(s: Source, key: string, kind: string): Mutant {
  const path = pickKey(s);
  const data = structuredClone(s.data);
  const parent = valueAt(data, path.slice(0, -1)) as Record<string, unknown>;
  const old = path.at(-1) as string;
  Object.defineProperty(parent, key, { value: parent[old], enumerable: true, configurable: true, writable: true });
  if (key !== old) delete parent[old];
  return { name: `${kind} ${show(path)} -> ${JSON.stringify(key)}`, content: serialize(data, s.format) };
}

/** The data with the value at `path` replaced (or deleted, for undefined), written back out. */
function structural(s: Source, name: string, path: Path, value: unknown): Mutant {
  const data = structuredClone(s.data);
  const parent = valueAt(data, path.slice(0, -1)) as Record<string | number, unknown>;
  const key = path.at(-1) as string | number;
  if (value === undefined && !Array.isArray(parent)) delete parent[key];
  else parent[key] = value;
  return { name, content: serialize(data, s.format) };
}

function serialize(data: unknown, format: Format): string {
  return format === 'json' ? JSON.stringify(data) : stringify(data);
}

/** A path to a value `test` accepts, or to any value when there is none. */
function pickLeaf(s: Source, test: (value: unknown) => boolean): Path {
  const found = paths(s.data).filter((p) => test(valueAt(s.data, p)));
  return pick(s.rnd, found.length > 0 ? found : paths(s.data));
}

/** A path that ends in a mapping's key. */
function pickKey(s: Source): Path {
  return pick(
    s.rnd,
    paths(s.data).filter((p) => typeof p.at(-1) === 'string'),
  );
}
