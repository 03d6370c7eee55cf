/** Target lines of several problems at the same level, drawn as one line labelled with every problem it belongs to. */
export type TargetGroup = { target: number; seriesIndices: number[] };

/** Series with an identical target share one group, in order of first appearance. */
export function groupTargets(series: readonly { target: number }[]): TargetGroup[] {
  const groups = new Map<number, TargetGroup>();
  series.forEach(({ target }, index) => {
    const group = groups.get(target);
    if (group) group.seriesIndices.push(index);
    else groups.set(target, { target, seriesIndices: [index] });
  });
  return [...groups.values()];
}
