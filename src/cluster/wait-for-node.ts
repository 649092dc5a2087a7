import { KloadError } from '../errors.js';
import { fetchMetadata } from '../kafka/metadata.js';
import type { KafkaNode } from './kafka-node.js';

/**
 * Waits until the node, asked on its own port, answers metadata that lists itself: its new
 * process is up, registered and unfenced. Asking the cluster would not do: right after a kill the
 * others still list the dead node until its session times out (9 s), and counting brokers would
 * wait forever while another node is down on purpose. Fails at once when the process ends.
 */
export async function waitForNode(
  node: KafkaNode,
  timeoutMs: number,
  properties: Record<string, string> = {},
): Promise<void> {
  const bootstrap = `127.0.0.1:${node.spec.brokerPort}`;
  const deadline = Date.now() + timeoutMs;
  let lastError = 'not listed yet';
  while (Date.now() < deadline) {
    const exited = node.exited;
    if (exited) {
      throw new KloadError(
        'NODE_FAILED_TO_START',
        `Kafka node ${node.id} ${exited} while starting. Last lines of ${node.logFile}:\n${node.logTail()}`,
        { hint: 'The lines above come from Kafka itself.' },
      );
    }
    try {
      const md = await fetchMetadata(bootstrap, { timeoutMs: 2000, properties });
      if (md.brokers.some((b) => b.id === node.id)) return;
    } catch (err) {
      lastError = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new KloadError(
    'NODE_FAILED_TO_START',
    `Kafka node ${node.id} did not rejoin the cluster within ${Math.round(timeoutMs / 1000)} s (${lastError}).\n` +
      node.logTail(10),
  );
}
