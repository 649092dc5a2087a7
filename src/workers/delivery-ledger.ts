/**
 * What a delivery report needs to know about its message, without allocating per message: the
 * opaque handed to produce() is a running index into fixed rings of intended time, send time,
 * client and sequence number. The ring must hold every message in flight, so the loop treats a
 * full ring like a full librdkafka queue. It also counts what is in flight: recorded, not settled.
 */
export class DeliveryLedger {
  readonly capacity: number;
  private readonly mask: number;
  private readonly intended: Float64Array;
  private readonly sent: Float64Array;
  private readonly seq: Float64Array;
  private readonly client: Uint16Array;
  private next = 0;
  /** Messages recorded and not yet settled by a delivery report (acked or failed). */
  inFlight = 0;

  /** `maxInFlight`: the most messages that can be unacknowledged at once (rounded up to 2^n). */
  constructor(maxInFlight: number) {
    let capacity = 1024;
    while (capacity < maxInFlight) capacity *= 2;
    this.capacity = capacity;
    this.mask = capacity - 1;
    this.intended = new Float64Array(capacity);
    this.sent = new Float64Array(capacity);
    this.seq = new Float64Array(capacity);
    this.client = new Uint16Array(capacity);
  }

  /** Records a message about to be produced and returns its opaque index. */
  record(intendedOffsetUs: number, sentOffsetUs: number, clientIndex: number, seq: number): number {
    const i = this.next++;
    this.inFlight++;
    const slot = i & this.mask;
    this.intended[slot] = intendedOffsetUs;
    this.sent[slot] = sentOffsetUs;
    this.client[slot] = clientIndex;
    this.seq[slot] = seq;
    return i;
  }

  /** Forgets the last `n` records (the client refused those messages: queue full). */
  undo(n = 1): void {
    this.next -= n;
    this.inFlight -= n;
  }

  /** The send time, known only once the driver sent the message. */
  setSent(i: number, sentOffsetUs: number): void {
    this.sent[i & this.mask] = sentOffsetUs;
  }

  /** Unpaced messages are intended when they are sent, by definition. */
  setIntended(i: number, intendedOffsetUs: number): void {
    this.intended[i & this.mask] = intendedOffsetUs;
  }

  /** Its delivery report arrived: the message is no longer in flight. */
  settle(): void {
    this.inFlight--;
  }

  intendedOf(i: number): number {
    return this.intended[i & this.mask]!;
  }

  sentOf(i: number): number {
    return this.sent[i & this.mask]!;
  }

  clientOf(i: number): number {
    return this.client[i & this.mask]!;
  }

  seqOf(i: number): number {
    return this.seq[i & this.mask]!;
  }
}
