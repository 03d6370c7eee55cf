"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, Field } from "@/components/ui/form-controls";
import { ApiClientError } from "@/lib/api-client/api-fetch";
import { uploadModelArtifact } from "@/lib/api-client/models";
import { connectorKind, type ConnectorKindName } from "@/lib/connectors/connector-kinds";

const MAX_BYTES = 50 * 1024 * 1024;

type ArtifactUploadProps = {
  modelVersionId: string;
  kind: ConnectorKindName;
  /** Default: re-render the page with the file in place. */
  onUploaded?: () => void;
};

/** The file of a model version whose kind takes one (onnx, predictions): sent raw to POST /models/{id}/artifact, checked there, then replayed. */
export function ArtifactUpload({ modelVersionId, kind, onUploaded }: ArtifactUploadProps) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; details: string[] } | null>(null);
  const fileKind = connectorKind(kind).upload;

  async function upload() {
    if (!file) return;
    setError(null);
    if (file.size > MAX_BYTES) {
      setError({ message: `The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 50 MB.`, details: [] });
      return;
    }
    setPending(true);
    try {
      await uploadModelArtifact(modelVersionId, file);
      if (onUploaded) onUploaded();
      else router.refresh();
    } catch (e) {
      const apiError = e instanceof ApiClientError ? e : null;
      setError({
        message: apiError?.message ?? "The upload failed. Check your connection and try again.",
        details: apiError?.fields.map((f) => `${f.path.replace(/^body\.file\.?/, "").replace(/^line(\d+)$/, "line $1") || "file"}: ${f.message}`) ?? [],
      });
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <Field
        id="artifact-file"
        label={fileKind?.fieldLabel ?? "File"}
        hint={fileKind?.hint}
        error={error?.message}
      >
        <input
          id="artifact-file"
          type="file"
          accept={fileKind?.accept}
          disabled={pending}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          className="block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-200"
        />
      </Field>
      {error?.details.length ? (
        <ul className="list-disc space-y-0.5 pl-5 text-sm text-red-700">
          {error.details.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      ) : null}
      <Button type="button" disabled={!file || pending} onClick={() => void upload()}>
        {pending ? "Uploading and checking…" : "Upload and replay"}
      </Button>
    </div>
  );
}
