"use client";
import Link from "next/link";
import { TableCell, TableRow } from "@/components/ui/table";
import type { PatternOrigin, PatternPurpose } from "@/lib/db/generated/enums";
import { OriginBadge, PurposeBadge } from "./pattern-badges";
import { PatternVerdict, type PatternVerdictCell } from "./pattern-verdict";

export type PatternTableRow = {
  id: string;
  name: string;
  /** An image input's attachment (shown as a thumbnail); null for text and JSON inputs. */
  attachmentId: string | null;
  /** The input as a line of text (previewInput), for text and JSON inputs. */
  preview: string;
  expected: string;
  purpose: PatternPurpose;
  origin: PatternOrigin;
  revision: number;
  /** One per verdict column, in the columns' order. */
  verdicts: (PatternVerdictCell | undefined)[];
};

type Props = { base: string; rows: PatternTableRow[]; columnLabels: string[] };

/**
 * A problem's pattern table rows. A client component on purpose: the page's React payload then carries each
 * pattern's fields instead of its rendered row (repeated beside the HTML).
 */
export function PatternTableRows({ base, rows, columnLabels }: Props) {
  return rows.map((p) => (
    <TableRow key={p.id}>
      <TableCell className="basis-full md:min-w-44">
        <Link href={`${base}/patterns/${p.id}`} className="name-link">
          {p.name}
        </Link>
      </TableCell>
      <TableCell className="basis-full md:min-w-56 md:max-w-md">
        {p.attachmentId ? (
          // Plain <img>: the API serves thumbnails with the session cookie.
          <img src={`/api/v1/attachments/${p.attachmentId}?thumbnail=1`} alt="" data-testid="pattern-thumbnail" loading="lazy" className="h-12 w-12 shrink-0 rounded border border-slate-200 bg-slate-50 object-cover" />
        ) : (
          <span className="line-clamp-2 break-words text-slate-700">{p.preview}</span>
        )}
      </TableCell>
      <TableCell className="basis-full md:min-w-36">{p.expected}</TableCell>
      <TableCell>
        <PurposeBadge purpose={p.purpose} />
      </TableCell>
      <TableCell>
        <OriginBadge origin={p.origin} />
      </TableCell>
      <TableCell className="num" data-label="Rev">
        {p.revision}
      </TableCell>
      {columnLabels.map((label, i) => (
        <TableCell key={label} className="whitespace-nowrap" data-label={label}>
          <PatternVerdict cell={p.verdicts[i]} base={base} />
        </TableCell>
      ))}
    </TableRow>
  ));
}
