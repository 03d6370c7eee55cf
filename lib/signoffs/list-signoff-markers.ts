import "server-only";
import { listNewestSignoffs, type CurrentSignoff } from "./list-current-signoffs";

/** A chart marker: the current decision on one problem at one model version. */
export type SignoffMarker = CurrentSignoff;

/** The newest decision per problem × model version of the project (or of some problems), for chart markers. */
export async function listSignoffMarkers(projectId: string, filter: { problemIds?: string[] } = {}): Promise<SignoffMarker[]> {
  if (filter.problemIds?.length === 0) return [];
  return listNewestSignoffs(projectId, filter.problemIds ? { problemId: { in: filter.problemIds } } : {});
}
