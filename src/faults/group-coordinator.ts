/**
 * Which __consumer_offsets partition coordinates a consumer group: Kafka's own rule
 * (GroupCoordinatorService.partitionFor, and GroupMetadataManager before it), so kload can name
 * the coordinator from plain metadata: the leader of that partition.
 */

/** Java's String.hashCode: 31·h + c over the UTF-16 code units, wrapping at 32 bits. */
export function javaStringHashCode(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return h;
}

/** Kafka's Utils.abs: Math.abs, except that Integer.MIN_VALUE (which has no positive) maps to 0. */
export function kafkaAbs(n: number): number {
  return n === -2_147_483_648 ? 0 : Math.abs(n);
}

/** `Utils.abs(groupId.hashCode()) % offsets.topic.num.partitions`. */
export function offsetsPartitionFor(group: string, offsetsPartitions: number): number {
  return kafkaAbs(javaStringHashCode(group)) % offsetsPartitions;
}
