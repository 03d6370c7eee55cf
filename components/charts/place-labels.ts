export type LabelRequest = { id: string; /** Where the label wants to sit (its centre), in pixels from the top. */ y: number };

/**
 * Direct labels at the ends of lines, moved apart just enough that none overlaps another:
 * each keeps its order and sits as close to its wished position as the gap allows, all within [top, bottom].
 * Returns the centre of each label, in the order given.
 */
export function placeLabels(requests: readonly LabelRequest[], { gap, top, bottom }: { gap: number; top: number; bottom: number }): number[] {
  const order = requests.map((r, i) => ({ i, y: Math.min(Math.max(r.y, top), bottom), id: r.id })).sort((a, b) => a.y - b.y || a.id.localeCompare(b.id));
  // Clusters of labels that touch are centred on their mean wish, then merged with the cluster above while they overlap.
  type Cluster = { members: number[]; wish: number; start: number };
  const clusters: Cluster[] = [];
  for (const label of order) {
    let cluster: Cluster = { members: [label.i], wish: label.y, start: label.y };
    let previous = clusters.at(-1);
    while (previous && previous.start + previous.members.length * gap > cluster.start) {
      clusters.pop();
      const members = [...previous.members, ...cluster.members];
      const wish = (previous.wish * previous.members.length + cluster.wish * cluster.members.length) / members.length;
      cluster = { members, wish, start: wish - ((members.length - 1) * gap) / 2 };
      previous = clusters.at(-1);
    }
    clusters.push(cluster);
  }
  const placed = new Array<number>(requests.length);
  // Keep every cluster inside the plot: push down from the top, then up from the bottom.
  let floor = top;
  for (const cluster of clusters) {
    cluster.start = Math.max(cluster.start, floor);
    floor = cluster.start + cluster.members.length * gap;
  }
  let ceiling = bottom;
  for (const cluster of [...clusters].reverse()) {
    const end = cluster.start + (cluster.members.length - 1) * gap;
    if (end > ceiling) cluster.start -= end - ceiling;
    ceiling = cluster.start - gap;
  }
  for (const cluster of clusters) cluster.members.forEach((index, k) => (placed[index] = cluster.start + k * gap));
  return placed;
}
