/**
 * Reads a scenario file (YAML or JSON), validates it and resolves it into a `Scenario`. Every
 * problem in the file is reported at once, one per line, as `<file>: <path>: <message> (line N)`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { KloadError } from '../errors.js';
import { humanMessage } from './messages.js';
import { formatPath, problemsFromIssues, type Problem } from './problems.js';
import { scenarioFileSchema } from './schema.js';
import type { Scenario } from './types.js';
import { lineOf } from './yaml-lines.js';

const formatHint = 'The scenario format is described in schema/scenario.schema.json; examples are in scenarios/.';

/** A problem ready to print, with the source line it points at. */
interface LocatedProblem {
  line: number;
  text: string;
}

/** Reads and resolves the scenario at `path` (relative to the working directory or absolute). */
export function loadScenario(path: string): Scenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new KloadError('FILE_NOT_FOUND', `scenario file not found: ${path}`, {
        hint: 'Shipped scenarios are in scenarios/, e.g. scenarios/quickstart.yaml.',
        cause: error,
      });
    }
    throw new KloadError('INVALID_ARGUMENT', `cannot read scenario file ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return parseScenario(text, path);
}

/**
 * Validates and resolves scenario source text. `fileName` decides the format (.yaml, .yml or
 * .json), prefixes every message, and anchors a relative payload file path.
 */
export function parseScenario(text: string, fileName: string): Scenario {
  const extension = extname(fileName).toLowerCase();
  if (!['.yaml', '.yml', '.json'].includes(extension)) {
    throw new KloadError('INVALID_SCENARIO', `${fileName}: must be a .yaml, .yml or .json file`, { hint: formatHint });
  }
  const lineCounter = new LineCounter();
  // JSON goes through the YAML parser too (JSON is YAML 1.2) so its problems get line numbers;
  // the json schema rejects YAML-only plain scalars such as `yes`.
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    schema: extension === '.json' ? 'json' : 'core',
  });
  if (doc.errors.length > 0) {
    const syntax = doc.errors.map((error) => ({ line: lineCounter.linePos(error.pos[0]).line, text: error.message }));
    throw invalidScenario(fileName, syntax);
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    // The yaml library refuses alias bombs (a few lines expanding to gigabytes) here.
    throw invalidScenario(fileName, [{ line: 1, text: (error as Error).message }]);
  }
  const result = scenarioFileSchema.safeParse(data, { error: humanMessage });
  if (!result.success) {
    throw invalidScenario(fileName, locate(problemsFromIssues(result.error.issues), doc, lineCounter));
  }
  const scenario = withPayloadFileResolved(result.data, dirname(fileName));
  const missing = missingPayloadFile(scenario);
  if (missing !== undefined) throw invalidScenario(fileName, locate([missing], doc, lineCounter));
  return scenario;
}

/** One file's verdict from `validateScenarioFiles`. */
export interface ScenarioFileReport {
  /** The path as given. */
  path: string;
  /** True when the file loads into a Scenario. */
  ok: boolean;
  /** Printable lines, as the thrown error's message would list them (file not found included); empty when ok. */
  problems: string[];
}

/** For `kload validate`: checks each file, never throws for a problem in a file. */
export function validateScenarioFiles(paths: string[]): ScenarioFileReport[] {
  return paths.map((path) => {
    try {
      loadScenario(path);
      return { path, ok: true, problems: [] };
    } catch (error) {
      if (!(error instanceof KloadError)) throw error;
      return { path, ok: false, problems: error.message.split('\n') };
    }
  });
}

function locate(problems: Problem[], doc: Document, lineCounter: LineCounter): LocatedProblem[] {
  return problems.map((problem) => {
    const path = formatPath(problem.path);
    return {
      line: lineOf(doc, lineCounter, problem.path),
      text: path === '' ? problem.message : `${path}: ${problem.message}`,
    };
  });
}

function invalidScenario(fileName: string, problems: LocatedProblem[]): KloadError {
  // In file order, so the list reads top to bottom like the file (sort is stable for ties).
  const lines = [...problems]
    .sort((a, b) => a.line - b.line)
    .map((problem) => `${fileName}: ${problem.text} (line ${problem.line})`);
  return new KloadError('INVALID_SCENARIO', lines.join('\n'), { hint: formatHint });
}

/** Payload files are named relative to the scenario, so it runs from any working directory. */
function withPayloadFileResolved(scenario: Scenario, scenarioDir: string): Scenario {
  const { payload } = scenario.producers;
  if (payload.type !== 'file') return scenario;
  const path = resolve(scenarioDir, payload.path);
  return { ...scenario, producers: { ...scenario.producers, payload: { type: 'file', path } } };
}

function missingPayloadFile(scenario: Scenario): Problem | undefined {
  const { payload } = scenario.producers;
  if (payload.type !== 'file' || existsSync(payload.path)) return undefined;
  return { path: ['producers', 'payload', 'path'], message: `file not found: ${payload.path}` };
}
