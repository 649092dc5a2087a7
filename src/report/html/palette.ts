/**
 * One colour per measured quantity, used on every chart of the report, so "orange" always means
 * publish latency and "purple" always means the consumer side.
 */
export const SERIES_COLORS = {
  sent: '#3b6fb6',
  acked: '#2e9e4f',
  consumed: '#7b4fa0',
  target: '#8a8a8a',
  publishP50: '#f2b46d',
  publish: '#e8710a',
  publishMax: '#c0392b',
  service: '#1b9e9e',
  scheduleDelay: '#8c6d31',
  endToEnd: '#7b4fa0',
  consumerLag: '#7b4fa0',
} as const;
