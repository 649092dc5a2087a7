/**
 * The floor under kload: the same @platformatic/rdkafka calls kload's producer makes per
 * message — produce() with a numeric opaque, a delivery report through the binding, a poll
 * loop that parks on a 1 ms timer at the in-flight cap — and nothing of kload's own (no stamp,
 * no histograms, no ledger, no worker thread). Its CPU per message is what any Node program on
 * this binding pays; kload's distance from it is kload's JavaScript.
 *
 * Run by the bench in its own process: `node binding-floor-child.js <brokers> <topic> <bytes>
 * <messages> <properties JSON> <max in flight>`; prints one JSON line. The in-flight window is
 * kload's (its default, or --kload-max-in-flight), so both batch alike.
 */
import { newProducer, type DeliveryReport, type LibrdKafkaError } from '../../src/kafka/rdkafka.js';
import { connectClient, disconnectProducer } from '../../src/kafka/connection.js';

async function main(): Promise<void> {
  const [brokers, topic, bytes, messages, propertiesJson, window] = process.argv.slice(2);
  const total = Number(messages);
  const maxInFlight = Number(window);
  const producer = newProducer({
    ...(JSON.parse(propertiesJson!) as Record<string, string>),
    'bootstrap.servers': brokers!,
    dr_cb: true,
  });
  let delivered = 0;
  let failed = 0;
  producer.on('delivery-report', (err: LibrdKafkaError | null, _report: DeliveryReport) => {
    if (err) failed++;
    else delivered++;
  });
  await connectClient(producer, 'producer', brokers!, 15_000);
  const value = Buffer.alloc(Number(bytes), 0x61);
  let sent = 0;
  const started = process.hrtime.bigint();
  await new Promise<void>((resolve) => {
    const tick = () => {
      while (sent < total && sent - delivered - failed < maxInFlight) {
        try {
          producer.produce(topic!, null, value, null, null, sent);
        } catch {
          break; // queue full: poll and come back
        }
        sent++;
      }
      producer.poll();
      if (delivered + failed >= total) return resolve();
      if (sent < total && sent - delivered - failed < maxInFlight) setImmediate(tick);
      else setTimeout(tick, 1);
    };
    tick();
  });
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(`${JSON.stringify({ delivered, failed, elapsedMs })}\n`);
  await disconnectProducer(producer, 5_000);
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
