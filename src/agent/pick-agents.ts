/** Pure: which of the agents heard on the control topic a run can take. */
import type { Heartbeat } from './control-protocol.js';

export interface SeenAgent {
  heartbeat: Heartbeat;
  atMs: number;
}

/** A heartbeat older than this is an agent that left (they beat every second). */
export const STALE_AFTER_MS = 3_000;

export type Pick = { ok: true; names: string[] } | { ok: false; reason: string };

export function pickAgents(wanted: number | string[], seen: Map<string, SeenAgent>, nowMs: number): Pick {
  const live = [...seen.values()].filter((s) => nowMs - s.atMs <= STALE_AFTER_MS);
  const idle = live
    .filter((s) => s.heartbeat.state === 'idle')
    .map((s) => s.heartbeat.agent)
    .sort();
  const describe = () =>
    live.length === 0
      ? 'no agent is on the control topic'
      : `heard: ${live
          .map((s) =>
            s.heartbeat.state === 'idle'
              ? `${s.heartbeat.agent} (idle)`
              : `${s.heartbeat.agent} (busy with run ${s.heartbeat.runId} of ${s.heartbeat.coordinator})`,
          )
          .join(', ')}`;
  if (typeof wanted === 'number') {
    return idle.length >= wanted
      ? { ok: true, names: idle.slice(0, wanted) }
      : { ok: false, reason: `${wanted} idle agents wanted, ${idle.length} available; ${describe()}` };
  }
  const missing = wanted.filter((name) => !idle.includes(name));
  return missing.length === 0
    ? { ok: true, names: [...wanted] }
    : {
        ok: false,
        reason: `agent${missing.length > 1 ? 's' : ''} ${missing.join(', ')} not idle or not there; ${describe()}`,
      };
}
