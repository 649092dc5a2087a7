/** Pure: how far consumer groups have read and the lag that leaves, for the drain and the lag sampler. */
export interface PositionSource {
  /** Next offset per partition for a group. */
  positionsOf(group: string): Map<number, number>;
  /** Messages between each group's position and the high watermarks, summed. */
  lag(groups: string[], high: number[]): number;
}

/** Messages between each group's position and the high watermarks, summed over groups and partitions. */
export function groupLag(source: Pick<PositionSource, 'positionsOf'>, groups: string[], high: number[]): number {
  let lag = 0;
  for (const g of groups) {
    const positions = source.positionsOf(g);
    high.forEach((h, p) => (lag += Math.max(0, h - (positions.get(p) ?? 0))));
  }
  return lag;
}
