import { KafkaClientError } from '../../kafka/error-names.js';

interface NativeClient {
  connect(timeoutMs: number): number;
  close(): void;
}

/**
 * Connects a native client (a blocking metadata request: worker threads only) and runs `then`
 * (a subscribe); on failure closes it and throws with librdkafka's code kept, naming the brokers.
 */
export function connectOrClose<C extends NativeClient>(
  client: C,
  brokers: string | undefined,
  label: string,
  timeoutMs: number,
  then: (client: C) => void = () => {},
): C {
  try {
    client.connect(timeoutMs);
    then(client);
  } catch (err) {
    client.close();
    throw new KafkaClientError(err as { code: number; message: string }, `${label} could not connect to ${brokers}`);
  }
  return client;
}
