/**
 * How far this host's wall clock is from a broker's, with an error bound (issue 12: end-to-end
 * latency between agents on different hosts is measured with wall clocks). Every agent measures
 * against the leader of the same one-partition probe topic, so the broker's own clock error cancels
 * when two agents' corrections are compared: only the agents' clocks relative to each other matter.
 */
import { KloadError } from '../errors.js';
import { wallUs } from '../workers/clock.js';
import { createTopics, waitForLeaders } from './admin.js';
import { connectClient, disconnectProducer } from './connection.js';
import { KafkaClientError } from './error-names.js';
import { newProducer, type DeliveryReport, type LibrdKafkaError, type ProducerClient } from './rdkafka.js';

/** One probe message, stamped on our clock around its produce request. */
export interface ClockProbe {
  /** Our wall clock (µs since the epoch) just before produce(). */
  sendWallUs: number;
  /** Our wall clock (µs since the epoch) when the delivery report arrived. */
  ackWallUs: number;
  /** The LogAppendTime the broker gave the message (ms since the epoch, truncated by the broker). */
  brokerTimestampMs: number;
}

export interface ClockOffset {
  /** Add to our wall clock to get the broker's: positive = our clock is behind the broker's. */
  offsetUs: number;
  /** The true offset lies within offsetUs ± boundUs, unless a clock was stepped during the probes. */
  boundUs: number;
  /** How many probes the estimate used. */
  probes: number;
  /**
   * `intersection`: the midpoint of the offsets every probe allows; `min-delay`: the probe with the
   * shortest round trip alone, used when the probes contradict each other (a clock stepped, or
   * the broker is not stamping LogAppendTime).
   */
  method: 'intersection' | 'min-delay';
}

export interface MeasureClockOffsetOptions {
  /** The probe topic, created when missing; default `kload-clock`. */
  topic?: string;
  /** How many probes to send, one after another; default 20. */
  probes?: number;
  /** Our wall clock in µs; default wallUs. Tests shift it to fake a host whose clock is off. */
  wallClock?: () => number;
  /** Budget for the whole measurement (topic, connect, probes); default 30 s. */
  timeoutMs?: number;
}

export const DEFAULT_CLOCK_TOPIC = 'kload-clock';

/**
 * The broker stamps appends with System.currentTimeMillis(), which truncates: the append happened
 * in [ts, ts + 1 ms), not ts ± 0.5 ms. Centring on ts would bias every probe by 0.5 ms and make
 * sub-millisecond intersections come out empty.
 */
const BROKER_RESOLUTION_US = 1000;

/**
 * The broker appended while the request was in flight, i.e. at some moment in [send, ack] on our
 * clock and [ts, ts + 1 ms) on its own, so each probe allows the offsets in
 * [ts - ack, ts + 1 ms - send]. Every probe's interval holds the true offset, so their intersection
 * does too and is tighter than the best probe alone (NTP's minimum-delay filter).
 */
export function estimateClockOffset(probes: readonly ClockProbe[]): ClockOffset {
  if (probes.length === 0) throw new RangeError('estimateClockOffset needs at least one probe, got none');
  let lowUs = -Infinity;
  let highUs = Infinity;
  let best: ClockProbe | undefined;
  probes.forEach((p, i) => {
    checkProbe(p, i);
    const brokerUs = p.brokerTimestampMs * 1000;
    lowUs = Math.max(lowUs, brokerUs - p.ackWallUs);
    highUs = Math.min(highUs, brokerUs + BROKER_RESOLUTION_US - p.sendWallUs);
    if (best === undefined || p.ackWallUs - p.sendWallUs < best.ackWallUs - best.sendWallUs) best = p;
  });
  if (lowUs <= highUs) {
    return {
      offsetUs: (lowUs + highUs) / 2,
      boundUs: (highUs - lowUs) / 2,
      probes: probes.length,
      method: 'intersection',
    };
  }
  const p = best!;
  return {
    offsetUs: p.brokerTimestampMs * 1000 + BROKER_RESOLUTION_US / 2 - (p.sendWallUs + p.ackWallUs) / 2,
    boundUs: (p.ackWallUs - p.sendWallUs + BROKER_RESOLUTION_US) / 2,
    probes: probes.length,
    method: 'min-delay',
  };
}

function checkProbe(p: ClockProbe, index: number): void {
  const fields = [p.sendWallUs, p.ackWallUs, p.brokerTimestampMs];
  if (!fields.every(Number.isFinite)) throw new RangeError(`clock probe ${index}: a time is not a finite number`);
  if (p.ackWallUs < p.sendWallUs) {
    throw new RangeError(
      `clock probe ${index}: acknowledged before it was sent (ack ${p.ackWallUs} µs < send ${p.sendWallUs} µs); ` +
        'the wall clock stepped back during the probe',
    );
  }
}

/** Sends probes to the probe topic's single partition, one at a time, and estimates the offset. */
export async function measureClockOffset(
  brokers: string,
  properties: Record<string, string>,
  options: MeasureClockOffsetOptions = {},
): Promise<ClockOffset> {
  const topic = options.topic ?? DEFAULT_CLOCK_TOPIC;
  const count = options.probes ?? 20;
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`probes must be a positive integer, got ${count}`);
  const wallClock = options.wallClock ?? wallUs;
  const deadlineMs = Date.now() + (options.timeoutMs ?? 30_000);
  await ensureProbeTopic(brokers, topic, properties, deadlineMs);
  const producer = newProducer(
    {
      ...properties,
      'bootstrap.servers': brokers,
      'client.id': 'kload-clock',
      dr_cb: true,
      'linger.ms': 0,
      log_level: 0,
    },
    { acks: -1 },
  );
  try {
    await connectClient(producer, 'the clock probe producer', brokers, remainingMs(deadlineMs));
    const probes: ClockProbe[] = [];
    for (let i = 0; i < count; i++) probes.push(await sendProbe(producer, topic, wallClock, deadlineMs));
    return estimateClockOffset(probes);
  } finally {
    await disconnectProducer(producer, 1000);
  }
}

/**
 * One partition and one replica: a single leader keeps every agent on the same broker clock, and
 * replication would only widen each probe's window (acks=all waits for followers).
 */
async function ensureProbeTopic(
  brokers: string,
  topic: string,
  properties: Record<string, string>,
  deadlineMs: number,
): Promise<void> {
  const spec = {
    name: topic,
    partitions: 1,
    replicationFactor: 1,
    configs: { 'message.timestamp.type': 'LogAppendTime', 'retention.ms': '600000', 'segment.ms': '600000' },
  };
  await createTopics(brokers, [spec], properties, remainingMs(deadlineMs));
  await waitForLeaders(brokers, topic, { partitions: 1, properties, timeoutMs: remainingMs(deadlineMs) });
}

/**
 * Probes carry a create time a day in the past: a broker stamping LogAppendTime replaces it, so
 * getting it back means the topic (created by someone else) keeps CreateTime, and its timestamps
 * would be our own clock's, which would look like a perfect zero offset.
 */
const SENTINEL_AGE_MS = 86_400_000;

/**
 * librdkafka hands delivery reports over only inside poll(), and setPollInterval's timers are
 * at least 1 ms apart, which would add up to 1 ms to every probe's window; a probe takes a few ms,
 * so polling on every turn of the event loop for its duration is cheap.
 */
function sendProbe(
  producer: ProducerClient,
  topic: string,
  wallClock: () => number,
  deadlineMs: number,
): Promise<ClockProbe> {
  return new Promise<ClockProbe>((resolve, reject) => {
    const sentinelMs = Math.floor(wallClock() / 1000) - SENTINEL_AGE_MS;
    let sendWallUs = 0;
    let done = false;
    const finish = (outcome: () => void) => {
      done = true;
      producer.removeListener('delivery-report', onReport);
      outcome();
    };
    const onReport = (err: LibrdKafkaError | null, report: DeliveryReport) => {
      const ackWallUs = wallClock();
      if (err) return finish(() => reject(new KafkaClientError(err, `clock probe to ${topic} failed`)));
      const brokerTimestampMs = report.timestamp;
      if (brokerTimestampMs === undefined || brokerTimestampMs === sentinelMs) {
        return finish(() => reject(notLogAppendTime(topic)));
      }
      finish(() => resolve({ sendWallUs, ackWallUs, brokerTimestampMs }));
    };
    const spin = () => {
      if (done) return;
      if (Date.now() > deadlineMs) {
        return finish(() => reject(new KloadError('TIMED_OUT', `clock probe to ${topic}: no delivery report in time`)));
      }
      producer.poll();
      setImmediate(spin);
    };
    producer.on('delivery-report', onReport);
    sendWallUs = wallClock();
    try {
      producer.produce(topic, 0, Buffer.from('kload clock probe'), null, sentinelMs);
    } catch (err) {
      return finish(() => reject(err));
    }
    spin();
  });
}

function notLogAppendTime(topic: string): KloadError {
  return new KloadError('KAFKA_ERROR', `clock probe topic ${topic} does not stamp messages with the broker's clock`, {
    hint:
      `Set message.timestamp.type=LogAppendTime on ${topic} ` +
      `(kafka-configs --alter --entity-type topics --entity-name ${topic} ` +
      '--add-config message.timestamp.type=LogAppendTime), or delete it so kload creates it.',
  });
}

function remainingMs(deadlineMs: number): number {
  return Math.max(1000, deadlineMs - Date.now());
}
