/** The cluster a run or sweep ran on, as its saved result records it. */
export interface ClusterDescription {
  /** Who started the cluster, which decides whether kload can read its disks. */
  kind: 'embedded-temporary' | 'embedded-detached' | 'external';
  brokers: string;
  brokerCount: number;
  /** Broker software version when known (embedded), else null. */
  kafkaVersion: string | null;
  /** Every broker's log directory that stored bytes were read from; null when kload cannot read them. */
  logDirs: string[] | null;
  /** Why logDirs is null; null when they are known. */
  logDirsUnavailableReason: string | null;
}
