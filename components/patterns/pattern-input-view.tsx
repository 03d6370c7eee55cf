// Plain <img>: attachments are served by the API with the session cookie, which next/image's optimiser would not send.
import type { InputKind } from "@/lib/db/generated/enums";

/** A pattern input in full: pretty JSON, the text as written, or the image at full size (scaled to fit). */
export function PatternInputView({ inputKind, input, attachmentId, label = "Pattern input" }: { inputKind: InputKind; input: unknown; attachmentId: string | null; label?: string }) {
  if (inputKind === "image" && attachmentId) {
    return (
      <a href={`/api/v1/attachments/${attachmentId}`} className="inline-block" title="Open the full-size image">
        <img src={`/api/v1/attachments/${attachmentId}`} alt={label} className="max-h-[480px] max-w-full rounded-md border border-slate-200 bg-slate-50 object-contain" />
      </a>
    );
  }
  if (inputKind === "text" && typeof input === "string") {
    return <p className="whitespace-pre-wrap break-words rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-900 ring-1 ring-inset ring-slate-200">{input}</p>;
  }
  return (
    <pre className="max-h-[480px] overflow-auto whitespace-pre-wrap break-words rounded-md bg-slate-50 px-3 py-2 font-mono text-xs leading-relaxed text-slate-900 ring-1 ring-inset ring-slate-200">
      {JSON.stringify(input, null, 2)}
    </pre>
  );
}
