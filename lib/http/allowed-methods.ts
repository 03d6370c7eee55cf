/** One /api/v1 path template (`/api/v1/problems/{problemId}`) and the methods its route file exports. */
export type RouteMethods = { path: string; methods: readonly string[] };

/**
 * The methods the route at `pathname` answers, or null when no route file
 * matches (the catch-all's 404). Static segments win over parameters, as in Next.
 */
export function findAllowedMethods(table: readonly RouteMethods[], pathname: string): readonly string[] | null {
  const segments = pathname.replace(/\/+$/, "").split("/");
  let best: { methods: readonly string[]; params: number } | null = null;
  for (const route of table) {
    const template = route.path.split("/");
    if (template.length !== segments.length) continue;
    let params = 0;
    const matches = template.every((part, i) => {
      if (/^\{[^}]+\}$/.test(part)) return ++params > 0 && segments[i] !== "";
      return part === segments[i];
    });
    if (matches && (!best || params < best.params)) best = { methods: route.methods, params };
  }
  return best?.methods ?? null;
}
