"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useApiForm } from "@/components/auth/use-api-form";
import { ConflictNotice } from "@/components/problems/conflict-notice";
import { TextArea } from "@/components/problems/text-area";
import { Button, Field, FormError, formErrorMessage, SavedStatus, Select, TextInput } from "@/components/ui/form-controls";
import { createProject, updateProject, type CreateProjectBody } from "@/lib/api-client/projects";
import { defaultKeyPrefix } from "@/lib/projects/default-key-prefix";

export type ProjectFormValues = {
  id?: string;
  name: string;
  slug: string;
  outputKind: "label" | "number" | "text" | "json";
  description: string;
  keyPrefix: string;
  labels: string[];
  inputSchema: unknown;
  alpha?: number;
  lockVersion?: number;
};

const OUTPUT_KINDS = [
  { value: "label", hint: "a class label (positive, negative …)" },
  { value: "number", hint: "a score or a measurement" },
  { value: "text", hint: "free text (LLMs, OCR …)" },
  { value: "json", hint: "structured output" },
] as const;

function toSlug(name: string) {
  return name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

const formatSchema = (schema: unknown) => (schema ? JSON.stringify(schema, null, 2) : "");

/** Create (no `initial.id`) or edit a project; every save goes through /api/v1/projects. */
export function ProjectForm({ initial }: { initial?: ProjectFormValues }) {
  const router = useRouter();
  const form = useApiForm();
  const editing = !!initial?.id;
  const [base, setBase] = useState(initial);
  // Saved elsewhere on the page (the gate policy form): start again from the newer project, or the next save would 409.
  if (initial?.lockVersion !== undefined && base?.lockVersion !== undefined && initial.lockVersion > base.lockVersion) setBase(initial);
  // "Saved." stays until the next edit (it was dropped by the refresh's remount after 330 ms).
  const [saved, setSaved] = useState(false);
  const [name, setName] = useState(initial?.name ?? "");
  const [slugTouched, setSlugTouched] = useState(editing);
  const [slug, setSlug] = useState(initial?.slug ?? "");
  const [schemaError, setSchemaError] = useState<string | null>(null);
  // A reloaded conflict stays in useApiForm until the next submit; hide it meanwhile.
  const [handledError, setHandledError] = useState<unknown>(null);
  const error = form.error === handledError ? null : form.error;
  const conflict = error?.status === 409 && error.current ? (error.current as ProjectFormValues) : null;

  return (
    <form
      className="grid gap-4 sm:grid-cols-2"
      onChange={() => setSaved(false)}
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        const data = new FormData(event.currentTarget);
        const schemaText = String(data.get("inputSchema") ?? "").trim();
        let inputSchema: unknown = null;
        if (schemaText) {
          try {
            inputSchema = JSON.parse(schemaText);
          } catch {
            setSchemaError("is not valid JSON");
            return;
          }
        }
        setSchemaError(null);
        const body = {
          name: String(data.get("name") ?? ""),
          slug: String(data.get("slug") ?? ""),
          // A select whose options are the schema's output kinds.
          outputKind: String(data.get("outputKind") ?? "") as CreateProjectBody["outputKind"],
          description: String(data.get("description") ?? ""),
          ...(String(data.get("keyPrefix") ?? "").trim() ? { keyPrefix: String(data.get("keyPrefix")).trim().toUpperCase() } : {}),
          labels: String(data.get("labels") ?? "")
            .split(/[\n,]/)
            .map((s) => s.trim())
            .filter(Boolean),
          inputSchema,
          ...(String(data.get("alpha") ?? "").trim() ? { alpha: Number(data.get("alpha")) } : {}),
        };
        void form.run(async () => {
          if (editing && base?.id) {
            const updated = await updateProject(base.id, { ...body, lockVersion: base.lockVersion ?? 0 });
            setBase(updated);
            setSaved(true);
            if (updated.slug !== initial?.slug) router.replace(`/projects/${updated.slug}/settings`);
            router.refresh();
          } else {
            const created = await createProject(body);
            router.push(`/projects/${created.slug}`);
          }
        });
      }}
    >
      {error ? (
      <div className="sm:col-span-2 space-y-2">
        {conflict ? (
          <ConflictNotice
            message={error!.message}
            theirs={(["name", "slug", "outputKind", "description", "keyPrefix"] as const)
              .filter((f) => conflict[f] !== base?.[f])
              .map((f) => ({ label: f, value: String(conflict[f] || "—") }))}
            onReload={() => {
              setBase(conflict);
              setName(conflict.name);
              setSlug(conflict.slug);
              setHandledError(form.error);
              router.refresh();
            }}
          />
        ) : (
          <FormError message={formErrorMessage(error)} />
        )}
      </div>
      ) : null}
      {/* Keyed by the version it shows: a save or a reloaded conflict starts the fields again from that project. */}
      <div key={base?.lockVersion ?? "new"} className="contents">
        <Field id="project-name" label="Name" error={form.fieldError("name")}>
          <TextInput
            id="project-name"
            name="name"
            required
            maxLength={120}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              if (!slugTouched) setSlug(toSlug(e.target.value));
            }}
            invalid={!!form.fieldError("name")}
          />
        </Field>
        <Field id="project-slug" label="Slug" error={form.fieldError("slug")} hint="In the URL: lowercase letters, digits and hyphens.">
          <TextInput
            id="project-slug"
            name="slug"
            required
            value={slug}
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
            onChange={(e) => {
              setSlugTouched(true);
              setSlug(e.target.value);
            }}
            invalid={!!form.fieldError("slug")}
          />
        </Field>
        <Field id="project-output-kind" label="Output kind" error={form.fieldError("outputKind")} hint="What the model answers; expectations judge this.">
          <Select id="project-output-kind" name="outputKind" defaultValue={base?.outputKind ?? "label"}>
            {OUTPUT_KINDS.map((k) => (
              <option key={k.value} value={k.value}>
                {k.value} — {k.hint}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id="project-key-prefix"
          label="Problem key prefix"
          error={form.fieldError("keyPrefix")}
          hint={editing ? "New problems use it; existing keys never change." : `2–8 capital letters; empty: ${defaultKeyPrefix(name || "Project")}.`}
        >
          <TextInput
            id="project-key-prefix"
            name="keyPrefix"
            defaultValue={base?.keyPrefix ?? ""}
            placeholder={defaultKeyPrefix(name || "Project")}
            maxLength={8}
            className="uppercase"
            invalid={!!form.fieldError("keyPrefix")}
          />
        </Field>
        <div className="sm:col-span-2">
          <Field id="project-description" label="Description" error={form.fieldError("description")}>
            <TextArea id="project-description" name="description" rows={3} defaultValue={base?.description ?? ""} invalid={!!form.fieldError("description")} />
          </Field>
      </div>
      <Field id="project-labels" label="Labels (label projects)" error={form.fieldError("labels")} hint="Required for a label project: one per line or comma-separated.">
        <TextArea id="project-labels" name="labels" rows={4} defaultValue={(base?.labels ?? []).join("\n")} invalid={!!form.fieldError("labels")} />
      </Field>
      <Field
        id="project-input-schema"
        label="Input schema (optional JSON Schema)"
        error={schemaError ?? form.fieldError("inputSchema")}
        hint="Pattern inputs must satisfy it. Keywords: type, properties, required, items, enum, minLength, maxLength, minimum, maximum, additionalProperties."
      >
        <TextArea
          id="project-input-schema"
          name="inputSchema"
          rows={4}
          spellCheck={false}
          className="font-mono text-xs"
          defaultValue={formatSchema(base?.inputSchema)}
          placeholder='{ "type": "object", "required": ["text"] }'
          invalid={!!(schemaError ?? form.fieldError("inputSchema"))}
        />
      </Field>
      <Field
        id="project-alpha"
        label="Significance level (α)"
        error={form.fieldError("alpha")}
        hint="Comparisons call a problem better or worse when the exact McNemar p is below it. Default 0.05."
      >
        <TextInput
          id="project-alpha"
          name="alpha"
          type="number"
          inputMode="decimal"
          step="any"
          min="0"
          max="0.5"
          defaultValue={base?.alpha ?? 0.05}
          invalid={!!form.fieldError("alpha")}
        />
      </Field>
      </div>
      <div className="sm:col-span-2 flex items-center gap-3">
        <Button type="submit" disabled={form.pending}>
          {form.pending ? "Saving…" : editing ? "Save project" : "Create project"}
        </Button>
        {editing ? <SavedStatus saved={saved && !form.pending && !form.error} /> : null}
      </div>
    </form>
  );
}
