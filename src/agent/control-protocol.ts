/**
 * What kload agents and a coordinator say to each other on the control topic of the cluster
 * under test. Kafka is the only transport: no port, no RPC layer. Every message is JSON with the
 * protocol version; anything that does not parse as this version is ignored with a reason (a
 * message of an older kload, of another tool, or damaged), never acted on.
 */
import type { Scenario } from '../scenario/types.js';
import type { ExecutionSegment } from '../segment/execution-segment.js';
import type { WorkerMessage } from '../workers/protocol.js';

export const CONTROL_PROTOCOL_VERSION = 1;
export const DEFAULT_CONTROL_TOPIC = 'kload-control';

interface Base {
  v: typeof CONTROL_PROTOCOL_VERSION;
}

/** Agent -> everyone, every second: who is there and whether it can take work. */
export interface Heartbeat extends Base {
  type: 'heartbeat';
  agent: string;
  state: 'idle' | 'busy';
  runId: number | null;
  coordinator: string | null;
  host: string;
  kloadVersion: string;
}

/** Coordinator -> agent: run this segment of this scenario (the agent uses its own client config). */
export interface Assign extends Base {
  type: 'assign';
  coordinator: string;
  runId: number;
  agent: string;
  segment: ExecutionSegment;
  scenario: Scenario;
  intervalMs: number;
}

export interface Accept extends Base {
  type: 'accept';
  agent: string;
  coordinator: string;
  runId: number;
}

export interface Decline extends Base {
  type: 'decline';
  agent: string;
  coordinator: string;
  runId: number;
  reason: string;
}

/** Agent -> coordinator: every client connected, waiting for the start time. */
export interface Prepared extends Base {
  type: 'prepared';
  agent: string;
  runId: number;
  clockOffsetUs: number;
  clockBoundUs: number;
}

/** Coordinator -> agents: the schedule starts at this broker-clock time. */
export interface Start extends Base {
  type: 'start';
  coordinator: string;
  runId: number;
  startAtWallUs: number;
}

/** Agent -> coordinator, a few times a second: its workers' messages, for live progress. */
export interface Stats extends Base {
  type: 'stats';
  agent: string;
  runId: number;
  messages: WorkerMessage[];
}

/** Coordinator -> agents: stop cooperatively and send what was measured (or never start). */
export interface Stop extends Base {
  type: 'stop';
  coordinator: string;
  runId: number;
  reason: string;
}

/** Agent -> coordinator: one piece of the gzip'd segment result (results can exceed a message). */
export interface ResultChunk extends Base {
  type: 'result-chunk';
  agent: string;
  runId: number;
  index: number;
  total: number;
  data: string;
}

/** Agent -> coordinator: the segment could not run at all (no result follows). */
export interface Failed extends Base {
  type: 'failed';
  agent: string;
  runId: number;
  message: string;
}

export type ControlMessage =
  | Heartbeat
  | Assign
  | Accept
  | Decline
  | Prepared
  | Start
  | Stats
  | Stop
  | ResultChunk
  | Failed;

/** Required fields by type, with the JS type each must have. */
const FIELDS: Record<ControlMessage['type'], Record<string, 'string' | 'number' | 'object' | 'array' | 'nullable'>> = {
  heartbeat: { agent: 'string', state: 'string', host: 'string', kloadVersion: 'string', runId: 'nullable' },
  assign: {
    coordinator: 'string',
    runId: 'number',
    agent: 'string',
    segment: 'object',
    scenario: 'object',
    intervalMs: 'number',
  },
  accept: { agent: 'string', coordinator: 'string', runId: 'number' },
  decline: { agent: 'string', coordinator: 'string', runId: 'number', reason: 'string' },
  prepared: { agent: 'string', runId: 'number', clockOffsetUs: 'number', clockBoundUs: 'number' },
  start: { coordinator: 'string', runId: 'number', startAtWallUs: 'number' },
  stats: { agent: 'string', runId: 'number', messages: 'array' },
  stop: { coordinator: 'string', runId: 'number', reason: 'string' },
  'result-chunk': { agent: 'string', runId: 'number', index: 'number', total: 'number', data: 'string' },
  failed: { agent: 'string', runId: 'number', message: 'string' },
};

export type Parsed = { ok: true; message: ControlMessage } | { ok: false; reason: string };

export function parseControlMessage(bytes: Buffer | string): Parsed {
  let data: unknown;
  try {
    data = JSON.parse(typeof bytes === 'string' ? bytes : bytes.toString('utf8'));
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  if (typeof data !== 'object' || data === null) return { ok: false, reason: 'not a JSON object' };
  const m = data as Record<string, unknown>;
  if (m.v !== CONTROL_PROTOCOL_VERSION) {
    return {
      ok: false,
      reason: `protocol version ${JSON.stringify(m.v)}, this kload speaks ${CONTROL_PROTOCOL_VERSION}`,
    };
  }
  const fields = typeof m.type === 'string' ? FIELDS[m.type as ControlMessage['type']] : undefined;
  if (!fields) return { ok: false, reason: `unknown message type ${JSON.stringify(m.type)}` };
  for (const [name, kind] of Object.entries(fields)) {
    const value = m[name];
    const fits =
      kind === 'nullable'
        ? value === null || typeof value === 'number'
        : kind === 'array'
          ? Array.isArray(value)
          : kind === 'object'
            ? typeof value === 'object' && value !== null && !Array.isArray(value)
            : typeof value === kind;
    if (!fits) return { ok: false, reason: `${m.type}.${name}: expected ${kind}` };
  }
  return { ok: true, message: m as unknown as ControlMessage };
}

/** Adds the version, so no sender can forget it. */
export function encodeControlMessage(m: DistributiveOmit<ControlMessage, 'v'>): Buffer {
  return Buffer.from(JSON.stringify({ v: CONTROL_PROTOCOL_VERSION, ...m }));
}

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;
