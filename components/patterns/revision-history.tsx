// Plain <img>: see pattern-input-view.tsx.
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/format-date";
import type { InputKind } from "@/lib/db/generated/enums";
import { describeExpectation } from "@/lib/patterns/describe-expectation";
import type { PatternHistoryEntry } from "@/lib/patterns/build-pattern-history";
import { diffLines } from "@/lib/patterns/diff-lines";
import type { PatternDetailChanges } from "@/lib/patterns/pattern-detail-changes";
import type { Expectation } from "@/lib/scoring/expectation.schema";
import { LineDiff } from "./line-diff";

export type RevisionItem = {
  id: string;
  number: number;
  inputKind: InputKind;
  input: unknown;
  expectation: Expectation;
  attachmentId: string | null;
  createdAt: Date;
  current: boolean;
  createdBy: { name: string; email: string } | null;
};

function inputText(revision: RevisionItem): string {
  if (revision.inputKind === "text" && typeof revision.input === "string") return revision.input;
  return JSON.stringify(revision.input, null, 2);
}

const byWhom = (person: { name: string; email: string } | null) =>
  person ? <span title={person.email}>{person.name}</span> : "an unknown user (seed or deleted account)";

/**
 * The pattern's History, newest first: each revision with who and when, and what changed against the one
 * before (input and expectation); between them, the edits that changed its name, purpose, origin or notes in place.
 */
export function RevisionHistory({ entries }: { entries: PatternHistoryEntry<RevisionItem>[] }) {
  const revisions = entries.flatMap((entry) => (entry.kind === "revision" ? [entry.revision] : []));
  return (
    <ol aria-label="History" className="space-y-5">
      {entries.map((entry) => {
        if (entry.kind === "details") {
          return (
            <li key={`details-${entry.id}`} className="min-w-0 border-l-2 border-dashed border-slate-200 pl-4">
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
                <span className="font-semibold text-slate-900">Details edited</span>
                <span className="text-slate-600">
                  on revision {entry.revisionNumber} · by {byWhom(entry.by)} · <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at)}</time>
                </span>
              </div>
              {entry.changes ? (
                <DetailChanges changes={entry.changes} label={`edited ${formatDateTime(entry.at)}`} />
              ) : (
                <p className="mt-1 text-sm text-slate-600">The name, purpose, origin or notes were saved; what changed was not recorded at the time.</p>
              )}
            </li>
          );
        }
        const { revision, details } = entry;
        const previous = revisions[revisions.indexOf(revision) + 1];
        return (
          <li key={revision.id} className="min-w-0 border-l-2 border-slate-200 pl-4">
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
              <span className="font-semibold text-slate-900">Revision {revision.number}</span>
              {revision.current ? <Badge tone="green">current</Badge> : null}
              <span className="text-slate-600">
                by {byWhom(revision.createdBy)} · <time dateTime={revision.createdAt.toISOString()}>{formatDateTime(revision.createdAt)}</time>
              </span>
            </div>
            <DetailChanges changes={details} label={`revision ${revision.number}`} />
            {previous ? <RevisionChanges previous={previous} revision={revision} /> : <p className="mt-1 text-sm text-slate-600">First revision: {describeExpectation(revision.expectation)}.</p>}
          </li>
        );
      })}
    </ol>
  );
}

/** Name, purpose and origin as before → after; notes as a line diff. Nothing when nothing changed. */
function DetailChanges({ changes, label }: { changes: PatternDetailChanges; label: string }) {
  const { name, purpose, origin, notes } = changes;
  if (!name && !purpose && !origin && !notes) return null;
  return (
    <div className="mt-2 space-y-1 text-sm text-slate-800">
      {name ? (
        <p className="break-words">
          <span className="font-medium">Renamed:</span> “{name.from}” <span aria-label="to">→</span> “{name.to}”
        </p>
      ) : null}
      {purpose ? (
        <p>
          <span className="font-medium">Purpose:</span> {purpose.from} <span aria-label="to">→</span> {purpose.to}
        </p>
      ) : null}
      {origin ? (
        <p>
          <span className="font-medium">Origin:</span> {origin.from} <span aria-label="to">→</span> {origin.to}
        </p>
      ) : null}
      {notes ? (
        <div>
          <p className="mb-1 font-medium">{notes.from === "" ? "Notes added" : notes.to === "" ? "Notes removed" : "Notes changed"}</p>
          <LineDiff lines={diffLines(notes.from, notes.to)} label={`Notes changes, ${label}`} />
        </div>
      ) : null}
    </div>
  );
}

function RevisionChanges({ previous, revision }: { previous: RevisionItem; revision: RevisionItem }) {
  const inputBefore = inputText(previous);
  const inputAfter = inputText(revision);
  const inputChanged = previous.inputKind !== revision.inputKind || inputBefore !== inputAfter;
  const expectationBefore = JSON.stringify(previous.expectation, null, 2);
  const expectationAfter = JSON.stringify(revision.expectation, null, 2);
  const expectationChanged = expectationBefore !== expectationAfter;
  const images = previous.inputKind === "image" || revision.inputKind === "image";
  return (
    <div className="mt-2 space-y-3">
      {inputChanged ? (
        <div>
          <p className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500">
            Input{previous.inputKind !== revision.inputKind ? ` (${previous.inputKind} → ${revision.inputKind})` : ""}
          </p>
          {images ? (
            <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
              <ImageOrText revision={previous} />
              <span aria-label="replaced by">→</span>
              <ImageOrText revision={revision} />
            </div>
          ) : (
            <LineDiff lines={diffLines(inputBefore, inputAfter)} label={`Input changes in revision ${revision.number}`} />
          )}
        </div>
      ) : null}
      {expectationChanged ? (
        <div>
          <p className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500">
            Expectation: {describeExpectation(previous.expectation)} → {describeExpectation(revision.expectation)}
          </p>
          <LineDiff lines={diffLines(expectationBefore, expectationAfter)} label={`Expectation changes in revision ${revision.number}`} />
        </div>
      ) : null}
    </div>
  );
}

function ImageOrText({ revision }: { revision: RevisionItem }) {
  if (revision.inputKind === "image" && revision.attachmentId) {
    return <img src={`/api/v1/attachments/${revision.attachmentId}?thumbnail=1`} alt={`Input of revision ${revision.number}`} className="h-20 w-20 rounded border border-slate-200 bg-slate-50 object-contain" />;
  }
  return <code className="max-w-xs truncate rounded bg-slate-50 px-2 py-1 font-mono text-xs ring-1 ring-slate-200">{inputText(revision)}</code>;
}
