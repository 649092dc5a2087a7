/**
 * What the fuzz mutations put into a file, and where: values that have each broken a parser or
 * validator somewhere (a number past 2^53, a lone surrogate, a key that is an Object builtin),
 * and the paths to every value of a parsed document.
 */

export type Path = (string | number)[];

export const wrongTypes: readonly unknown[] = ['a string', 42, -1, true, null, [], {}, [1, 'two'], { x: 1 }, ''];
export const numbers: readonly number[] = [1e308, -1e308, 2 ** 53 + 1, -(2 ** 53 + 1), -1, -0.5, 0, 1e-300, Number.NaN];
export const nanish: readonly string[] = ['NaN', 'nan', 'Infinity', '-Infinity', '1e', '12abc', ' ', '0x10', '1,000'];
export const durationish: readonly string[] = [
  '0s',
  '-1s',
  '1e308s',
  '9007199254740993ms',
  '1.5.5s',
  'NaNs',
  '5 weeks',
];
export const unicode: readonly string[] = [
  '🚀🔥',
  '\u202etxet-ltr',
  'a\u0000b',
  '\ud800',
  'zero\u200bwidth',
  'e\u0301\u0301',
];
export const numberLiterals: readonly string[] = [
  '9007199254740993',
  '1e308',
  '1e309',
  '-1',
  '-0',
  '.nan',
  '-.inf',
  '0x1F',
  '0o17',
  '1_000',
  '00012',
  '123456789012345678901234567890',
];
export const emptyDocs: readonly string[] = [
  '',
  '\n',
  '---\n',
  '# only a comment\n',
  '~\n',
  '...\n',
  '\uFEFF',
  '---\n---\n',
];
export const oddKeys: readonly string[] = ['__proto__', 'constructor', 'toString', 'prodcuers', '', '🚀'];

export const tags: readonly string[] = [
  '!!binary aGVsbG8=',
  '!!timestamp 2001-12-14',
  '!!set {a, b}',
  '!custom x',
  '!!js/function f',
];

/** Every path to a value below the root, down to `depth` levels (results have deep histograms). */
export function paths(data: unknown, prefix: Path = [], depth = 12): Path[] {
  if (prefix.length >= depth || typeof data !== 'object' || data === null) return [];
  const entries: [string | number, unknown][] = Array.isArray(data)
    ? data.map((v, i) => [i, v])
    : Object.entries(data as Record<string, unknown>);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k], depth)]);
}

export function valueAt(data: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], data);
}

export function show(path: Path): string {
  return path.map(String).join('.') || '(root)';
}
