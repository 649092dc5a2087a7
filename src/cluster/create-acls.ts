/**
 * Grants ACLs on the embedded cluster with one CreateAcls request (API key 30, version 2) over a
 * plain socket. Nothing else can from here: @platformatic/rdkafka does not bind librdkafka's
 * rd_kafka_CreateAcls, Kafka 4 moved AclCommand out of the broker jars into kafka-tools, and a
 * Java helper would need a JDK's compiler where a JRE runs the brokers. The request goes to the
 * PLAINTEXT inter-broker listener, whose ANONYMOUS principal is a super user.
 */
import { connect } from 'node:net';
import { KloadError } from '../errors.js';

/** Kafka's wire codes (org.apache.kafka.common.resource.ResourceType, acl.AclOperation). */
export const RESOURCE = { topic: 2, group: 3 } as const;
export const OPERATION = { read: 3, write: 4, create: 5, describe: 8 } as const;
const PATTERN_LITERAL = 3;
const PERMISSION_ALLOW = 3;
const CREATE_ACLS = { apiKey: 30, version: 2 };

export interface AclGrant {
  resourceType: (typeof RESOURCE)[keyof typeof RESOURCE];
  /** "*" is every resource of the type. */
  resourceName: string;
  /** "User:reader" */
  principal: string;
  operation: (typeof OPERATION)[keyof typeof OPERATION];
}

/** Allows every grant from any host; rejects with the broker's message when one is refused. */
export async function createAcls(host: string, port: number, grants: AclGrant[], timeoutMs = 15_000): Promise<void> {
  const response = await roundTrip(host, port, encodeCreateAcls(grants, 1), timeoutMs);
  const errors = decodeCreateAclsResponse(response).filter((r) => r.errorCode !== 0);
  if (errors.length > 0) {
    const why = errors.map((e) => `error ${e.errorCode}${e.message ? `: ${e.message}` : ''}`).join('; ');
    throw new KloadError('NODE_FAILED_TO_START', `Granting the embedded cluster's ACLs failed (${why}).`);
  }
}

/** A complete request frame: size, header v2 (flexible), body. */
export function encodeCreateAcls(grants: AclGrant[], correlationId: number): Buffer {
  const w = new Writer();
  w.int16(CREATE_ACLS.apiKey).int16(CREATE_ACLS.version).int32(correlationId);
  const clientId = Buffer.from('kload-acls');
  w.int16(clientId.length).bytes(clientId).uvarint(0);
  w.uvarint(grants.length + 1);
  for (const g of grants) {
    w.int8(g.resourceType).compactString(g.resourceName).int8(PATTERN_LITERAL);
    w.compactString(g.principal).compactString('*').int8(g.operation).int8(PERMISSION_ALLOW).uvarint(0);
  }
  w.uvarint(0);
  const body = w.done();
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length);
  return Buffer.concat([size, body]);
}

/** The per-grant results of a response frame without its size prefix. */
export function decodeCreateAclsResponse(frame: Buffer): { errorCode: number; message: string | null }[] {
  let at = 4; // correlation id
  const uvarint = (): number => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = frame[at++]!;
      value |= (byte & 0x7f) << shift;
      if (byte < 0x80) return value;
    }
  };
  uvarint(); // header tags
  at += 4; // throttle_time_ms
  const results: { errorCode: number; message: string | null }[] = [];
  for (let n = uvarint() - 1; n > 0; n--) {
    const errorCode = frame.readInt16BE(at);
    at += 2;
    const length = uvarint() - 1;
    const message = length < 0 ? null : frame.toString('utf8', at, at + length);
    at += Math.max(0, length);
    uvarint(); // result tags
    results.push({ errorCode, message });
  }
  return results;
}

function roundTrip(host: string, port: number, request: Buffer, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    let received = Buffer.alloc(0);
    const fail = (why: string) => {
      socket.destroy();
      reject(new KloadError('NODE_FAILED_TO_START', `Granting the embedded cluster's ACLs failed: ${why}`));
    };
    socket.setTimeout(timeoutMs, () => fail(`no answer from ${host}:${port} in ${timeoutMs / 1000} s`));
    socket.on('error', (err) => fail(err.message));
    socket.on('connect', () => socket.write(request));
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 4 || received.length < 4 + received.readInt32BE(0)) return;
      socket.end();
      resolve(received.subarray(4, 4 + received.readInt32BE(0)));
    });
  });
}

class Writer {
  private readonly parts: Buffer[] = [];

  int8(v: number): this {
    return this.bytes(Buffer.from([v]));
  }

  int16(v: number): this {
    const b = Buffer.alloc(2);
    b.writeInt16BE(v);
    return this.bytes(b);
  }

  int32(v: number): this {
    const b = Buffer.alloc(4);
    b.writeInt32BE(v);
    return this.bytes(b);
  }

  uvarint(v: number): this {
    const out: number[] = [];
    let rest = v;
    while (rest >= 0x80) {
      out.push((rest & 0x7f) | 0x80);
      rest >>>= 7;
    }
    out.push(rest);
    return this.bytes(Buffer.from(out));
  }

  /** Flexible versions' strings: length + 1 as an unsigned varint, then UTF-8. */
  compactString(s: string): this {
    const b = Buffer.from(s, 'utf8');
    return this.uvarint(b.length + 1).bytes(b);
  }

  bytes(b: Buffer): this {
    this.parts.push(b);
    return this;
  }

  done(): Buffer {
    return Buffer.concat(this.parts);
  }
}
