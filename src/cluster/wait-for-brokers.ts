import { KloadError } from '../errors.js';
import { fetchMetadata } from '../kafka/metadata.js';
import type { KafkaNode } from './kafka-node.js';

/**
 * Waits until the cluster's metadata lists every node as a broker. Fails at once, with the tail
 * of its log, when a node's process ends: a broker that cannot start never becomes ready, and
 * waiting out the deadline would only hide why.
 */
export async function waitForBrokers(
  bootstrap: string,
  nodes: KafkaNode[],
  timeoutMs: number,
  properties: Record<string, string> = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no answer yet';
  while (Date.now() < deadline) {
    for (const node of nodes) {
      const exited = node.exited;
      if (exited) {
        throw new KloadError(
          'NODE_FAILED_TO_START',
          `Kafka node ${node.id} ${exited} while starting. Last lines of ${node.logFile}:\n${node.logTail()}`,
          {
            hint:
              'The lines above come from Kafka itself; ' +
              'a bad --broker-property, a taken port or too little memory are the usual causes.',
          },
        );
      }
    }
    try {
      const md = await fetchMetadata(bootstrap, { timeoutMs: 2000, properties });
      if (md.brokers.length >= nodes.length) return;
      lastError = `${md.brokers.length} of ${nodes.length} brokers registered`;
    } catch (err) {
      lastError = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const tails = nodes.map((n) => `--- node ${n.id} (${n.logFile}) ---\n${n.logTail(10)}`).join('\n');
  throw new KloadError(
    'NODE_FAILED_TO_START',
    `The embedded cluster was not ready within ${Math.round(timeoutMs / 1000)} s (${lastError}).\n${tails}`,
    {
      hint: 'A slow machine may need more time: set --start-timeout. The node logs above say what Kafka was doing.',
    },
  );
}
