"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useApiForm } from "@/components/auth/use-api-form";
import { Button, Field, FormError, Select, TextInput } from "@/components/ui/form-controls";
import type { ApiClientError } from "@/lib/api-client/api-fetch";
import { createModelVersion, updateModelVersion, type CreateModelVersionBody, type UpdateModelVersionBody } from "@/lib/api-client/models";
import { requestReplay } from "@/lib/api-client/replays";
import { connectorKind, type ConnectorKindName } from "@/lib/connectors/connector-kinds";
import type { ModelStatus } from "@/lib/db/generated/enums";
import { ArtifactUpload } from "./artifact-upload";
import { ConnectorFields } from "./connector-fields";
import { buildConnector, draftFromConnector, newConnectorDraft, takesArtifact, type ConnectorDraft } from "./connector-draft";
import { DraftTestConnection } from "./test-connection-panel";

const textareaClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-xs text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/30 aria-[invalid=true]:border-red-600";

/** A registered model version as the form needs it (the API representation, dates as ISO text). */
export type EditableModelVersion = {
  id: string;
  name: string;
  version: string;
  status: ModelStatus;
  connector: Record<string, unknown> & { kind: ConnectorKindName };
  secretKeys: string[] | null;
  trainedAt: string | null;
  metrics: unknown;
  sourceUrl: string | null;
  concurrency: number;
  timeoutMs: number;
  lockVersion: number;
};

type ModelVersionFormProps = {
  project: { id: string; slug: string };
  /** Editing this model version; absent: registering a new one. */
  modelVersion?: EditableModelVersion;
  /** New only: registered versions whose connector and limits can be copied. */
  templates?: EditableModelVersion[];
  /** New only: the project's current patterns, for Test connection before registering. */
  testPatterns?: { id: string; name: string; problemKey: string }[];
};

type Values = {
  name: string;
  version: string;
  status: ModelStatus;
  trainedAt: string;
  sourceUrl: string;
  artifactChecksum: string;
  metrics: string;
  concurrency: string;
  timeoutMs: string;
};

function valuesOf(v: EditableModelVersion | undefined, copy = false): Values {
  return {
    name: v?.name ?? "",
    version: copy ? "" : (v?.version ?? ""),
    status: copy ? "candidate" : (v?.status ?? "candidate"),
    trainedAt: copy ? "" : (v?.trainedAt?.slice(0, 10) ?? ""),
    sourceUrl: copy ? "" : (v?.sourceUrl ?? ""),
    artifactChecksum: "",
    metrics: copy || v?.metrics == null ? "" : JSON.stringify(v.metrics, null, 2),
    concurrency: String(v?.concurrency ?? 4),
    timeoutMs: String(v?.timeoutMs ?? 10_000),
  };
}

function draftOf(v: EditableModelVersion | undefined, copy = false): ConnectorDraft {
  if (!v) return newConnectorDraft("openinference");
  // A copy keeps secret names (to be typed again); an edit keeps the stored values unless replaced.
  const draft = draftFromConnector(v.connector, v.secretKeys);
  return copy ? { ...draft, secrets: draft.secrets.map((s) => ({ ...s, stored: false })) } : draft;
}

type Created = { id: string; name: string; version: string; connectorKind: ConnectorKindName };

/** Register (new) or edit a model version: identity, training facts, replay limits and a connector form that fits its kind. */
export function ModelVersionForm({ project, modelVersion, templates = [], testPatterns = [] }: ModelVersionFormProps) {
  const router = useRouter();
  const form = useApiForm();
  const editing = !!modelVersion;
  const [values, setValues] = useState<Values>(() => valuesOf(modelVersion));
  const [draft, setDraft] = useState<ConnectorDraft>(() => draftOf(modelVersion));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<Created | null>(null);
  // Field errors Test connection got back about the connector (its URL refused, a secret missing): shown beside the fields.
  const [testError, setTestError] = useState<ApiClientError | null>(null);
  const set = (key: keyof Values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));
  const modelPath = (id: string) => `/projects/${project.slug}/models/${id}`;

  const fieldError = (name: string) => clientErrors[name] ?? form.fieldError(name);
  const connectorError = (name: string) => {
    if (name === "connectorSecrets") {
      // Secrets the connector needs but no row names: list them here.
      const named = new Set(draft.secrets.map((s) => s.name));
      const unmatched = form.error?.fields.filter((f) => f.path.startsWith("body.connectorSecrets") && !named.has(f.path.slice("body.connectorSecrets.".length)));
      return clientErrors.connectorSecrets ?? (unmatched?.length ? unmatched.map((f) => `${f.path.replace(/^body\.connectorSecrets\.?/, "") || "secrets"} ${f.message}`).join("; ") : undefined);
    }
    if (name.startsWith("connectorSecrets.")) return form.fieldError(name) ?? testError?.fieldMessage(name);
    if (name === "kind") return form.error?.fields.find((f) => f.path === "body.connector" || f.path === "body.connector.kind")?.message;
    return clientErrors[`connector.${name}`] ?? form.fieldError(`connector.${name}`) ?? testError?.fieldMessage(`connector.${name}`);
  };

  if (created) {
    return (
      <div className="space-y-4">
        <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          Registered <strong>{created.name} {created.version}</strong>. Upload its {connectorKind(created.connectorKind).upload?.noun} to replay the patterns.
        </div>
        <ArtifactUpload modelVersionId={created.id} kind={created.connectorKind} onUploaded={() => router.push(modelPath(created.id))} />
        <Link href={modelPath(created.id)} className="inline-block text-sm font-medium text-slate-700 hover:underline">
          Upload later: open the model version
        </Link>
      </div>
    );
  }

  /** The connector as the API takes it, for Test connection; null with the messages shown when the draft is not valid. */
  function draftConnector() {
    const built = buildConnector(draft);
    const timeoutMs = Number(values.timeoutMs);
    if (!built.ok) {
      setClientErrors(Object.fromEntries(Object.entries(built.errors).map(([name, message]) => [name === "connectorSecrets" ? name : `connector.${name}`, message])));
      return null;
    }
    setClientErrors({});
    const secrets = Object.fromEntries(Object.entries(built.secrets).filter((e): e is [string, string] => typeof e[1] === "string"));
    return { connector: built.connector as CreateModelVersionBody["connector"], connectorSecrets: secrets, ...(Number.isInteger(timeoutMs) ? { timeoutMs } : {}) };
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // "Register" / "Save" leave the results as they are; "… and replay" replays every current pattern at once.
    const replay = (event.nativeEvent as SubmitEvent).submitter?.getAttribute("value") !== "save";
    const errors: Record<string, string> = {};
    const built = buildConnector(draft);
    if (!built.ok) for (const [name, message] of Object.entries(built.errors)) errors[name === "connectorSecrets" ? name : `connector.${name}`] = message;
    let metrics: CreateModelVersionBody["metrics"] = null;
    if (values.metrics.trim()) {
      try {
        metrics = JSON.parse(values.metrics);
        if (metrics === null || typeof metrics !== "object" || Array.isArray(metrics)) errors.metrics = 'must be a JSON object, e.g. { "auc": 0.91 }';
      } catch (error) {
        errors.metrics = `is not valid JSON: ${(error as Error).message}`;
      }
    }
    const concurrency = Number(values.concurrency);
    const timeoutMs = Number(values.timeoutMs);
    if (!Number.isInteger(concurrency)) errors.concurrency = "must be a whole number";
    if (!Number.isInteger(timeoutMs)) errors.timeoutMs = "must be a whole number of milliseconds";
    setClientErrors(errors);
    if (Object.keys(errors).length || !built.ok) return;

    const fields = {
      name: values.name,
      version: values.version,
      trainedAt: values.trainedAt || null,
      sourceUrl: values.sourceUrl.trim() || null,
      metrics,
      concurrency,
      timeoutMs,
      // The draft builds what the connector schema accepts; the API validates it again.
      connector: built.connector as CreateModelVersionBody["connector"],
    };
    void form.run(async () => {
      if (!modelVersion) {
        const secrets = Object.fromEntries(Object.entries(built.secrets).filter((e): e is [string, string] => typeof e[1] === "string"));
        const body = { ...fields, status: values.status, artifactChecksum: values.artifactChecksum.trim() || null, connectorSecrets: secrets, replay };
        const saved = await createModelVersion(project.id, body);
        if (takesArtifact(saved.connectorKind)) setCreated(saved);
        else router.push(modelPath(saved.id));
        return;
      }
      // Send only what changed, so the audit trail names the fields that did.
      const before = valuesOf(modelVersion);
      const beforeConnector = buildConnector(draftOf(modelVersion));
      const body: UpdateModelVersionBody = { lockVersion: modelVersion.lockVersion };
      if (values.name !== before.name) body.name = fields.name;
      if (values.version !== before.version) body.version = fields.version;
      if (values.trainedAt !== before.trainedAt) body.trainedAt = fields.trainedAt;
      if (values.sourceUrl !== before.sourceUrl) body.sourceUrl = fields.sourceUrl;
      if (JSON.stringify(metrics) !== JSON.stringify(modelVersion.metrics ?? null)) body.metrics = metrics;
      if (concurrency !== modelVersion.concurrency) body.concurrency = concurrency;
      if (timeoutMs !== modelVersion.timeoutMs) body.timeoutMs = timeoutMs;
      if (!beforeConnector.ok || JSON.stringify(beforeConnector.connector) !== JSON.stringify(built.connector)) body.connector = fields.connector;
      if (Object.keys(built.secrets).length) body.connectorSecrets = built.secrets;
      if (Object.keys(body).length > 1) await updateModelVersion(modelVersion.id, body);
      if (replay) await requestReplay(modelVersion.id);
      router.push(modelPath(modelVersion.id));
      router.refresh();
    });
  }

  const conflict = form.error?.status === 409 && editing && form.error.current;
  const hasFieldErrors = !!form.error?.fields.length || Object.keys(clientErrors).length > 0;

  return (
    <form onSubmit={submit} className="space-y-6" noValidate>
      {conflict ? (
        <div role="alert" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          <p className="font-semibold">Changed by someone since you opened it. Your changes were not saved.</p>
          <Button type="button" tone="secondary" onClick={() => window.location.reload()}>
            Reload their version
          </Button>
        </div>
      ) : (
        <FormError message={form.error && !form.error.fields.length ? form.error.message : hasFieldErrors ? "Some fields need attention: see the messages below." : null} />
      )}

      {!editing && templates.length ? (
        <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
          <Field id="model-template" label="Start from a registered version (optional)" hint="Copies its name, connector (secret names only) and replay limits; you set the new version label.">
            <Select
              id="model-template"
              defaultValue=""
              onChange={(e) => {
                const template = templates.find((t) => t.id === e.target.value);
                setValues(valuesOf(template, true));
                setDraft(template ? draftOf(template, true) : newConnectorDraft("openinference"));
                setClientErrors({});
              }}
            >
              <option value="">Blank form</option>
              {templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name} {t.version} ({t.connector.kind})
                </option>
              ))}
            </Select>
          </Field>
        </section>
      ) : null}

      <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
        <h2 className="text-base font-semibold text-slate-900">Model version</h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="model-name" label="Name" error={fieldError("name")} hint="The model's name; versions of one name share the production slot.">
            <TextInput id="model-name" value={values.name} onChange={set("name")} maxLength={120} required invalid={!!fieldError("name")} />
          </Field>
          <Field id="model-version" label="Version label" error={fieldError("version")} hint="As your team names it: 2.1, 2026-11-rc1, a commit…">
            <TextInput id="model-version" value={values.version} onChange={set("version")} maxLength={120} required invalid={!!fieldError("version")} />
          </Field>
          {!editing ? (
            <Field
              id="model-status"
              label="Status"
              error={fieldError("status")}
              hint={values.status === "production" ? "The production version of the same name becomes retired." : "Candidates are compared with production."}
            >
              <Select id="model-status" value={values.status} onChange={set("status")}>
                {(["candidate", "production", "retired", "rejected"] as const).map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </Select>
            </Field>
          ) : null}
          <Field id="model-trained-at" label="Trained on (optional)" error={fieldError("trainedAt")} hint="Shown as the model's age.">
            <TextInput id="model-trained-at" type="date" value={values.trainedAt} onChange={set("trainedAt")} invalid={!!fieldError("trainedAt")} />
          </Field>
          <div className="sm:col-span-2">
            <Field id="model-source-url" label="Source (optional)" error={fieldError("sourceUrl")} hint="Link to the training run, experiment or commit.">
              <TextInput id="model-source-url" type="url" value={values.sourceUrl} onChange={set("sourceUrl")} placeholder="https://mlflow.internal/#/experiments/12/runs/…" invalid={!!fieldError("sourceUrl")} />
            </Field>
          </div>
          {!editing ? (
            <div className="sm:col-span-2">
              <Field
                id="model-artifact-checksum"
                label="Artifact checksum (optional)"
                error={fieldError("artifactChecksum")}
                hint={takesArtifact(draft.kind) ? "SHA-256 of the file you will upload; the upload is refused if it differs." : "SHA-256 of the model's weights, for the record."}
              >
                <TextInput id="model-artifact-checksum" value={values.artifactChecksum} onChange={set("artifactChecksum")} placeholder="sha256:…" className="font-mono" invalid={!!fieldError("artifactChecksum")} />
              </Field>
            </div>
          ) : null}
          <div className="sm:col-span-2">
            <Field id="model-metrics" label="Training metrics (optional JSON object)" error={fieldError("metrics")} hint='e.g. { "auc": 0.912, "f1": 0.87 }'>
              <textarea
                id="model-metrics"
                rows={4}
                value={values.metrics}
                onChange={set("metrics")}
                spellCheck={false}
                placeholder='{ "auc": 0.912 }'
                aria-invalid={!!fieldError("metrics") || undefined}
                aria-describedby={fieldError("metrics") ? "model-metrics-error" : undefined}
                className={textareaClass}
              />
            </Field>
          </div>
        </div>
      </section>

      <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
        <div>
          <h2 className="text-base font-semibold text-slate-900">Connector</h2>
          <p className="text-sm text-slate-600">
            {editing
              ? "How Ratchet calls the model. “Save and replay” replays every current pattern with the changed connector; until then, results made with the earlier one are marked stale."
              : "How Ratchet calls the model. Test the connection before registering, with a sample input or a pattern of the project."}
          </p>
        </div>
        <ConnectorFields draft={draft} onChange={setDraft} error={connectorError} kindLocked={editing} />
        {!editing && !takesArtifact(draft.kind) ? (
          <section aria-labelledby="draft-test-heading" className="space-y-3 border-t border-slate-100 pt-4">
            <h3 id="draft-test-heading" className="text-sm font-semibold text-slate-900">
              Test connection
            </h3>
            <DraftTestConnection project={project} patterns={testPatterns} connector={draftConnector} onFieldErrors={setTestError} />
          </section>
        ) : null}
      </section>

      <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
        <h2 className="text-base font-semibold text-slate-900">Replay limits</h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="model-concurrency" label="Parallel calls" error={fieldError("concurrency")} hint="At most this many requests in flight to the model (1–64).">
            <TextInput id="model-concurrency" type="number" inputMode="numeric" min={1} max={64} value={values.concurrency} onChange={set("concurrency")} invalid={!!fieldError("concurrency")} />
          </Field>
          <Field id="model-timeout" label="Timeout (ms)" error={fieldError("timeoutMs")} hint="Per call; slower answers are retried, then recorded as errors (100–120000).">
            <TextInput id="model-timeout" type="number" inputMode="numeric" min={100} max={120000} step={100} value={values.timeoutMs} onChange={set("timeoutMs")} invalid={!!fieldError("timeoutMs")} />
          </Field>
        </div>
      </section>

      <div className="flex flex-wrap items-center gap-3">
        {takesArtifact(draft.kind) && !editing ? (
          <Button type="submit" value="replay" disabled={form.pending}>
            {form.pending ? "Saving…" : "Register and upload the file"}
          </Button>
        ) : (
          <>
            <Button type="submit" value="replay" disabled={form.pending}>
              {editing ? "Save and replay" : "Register and replay"}
            </Button>
            <Button type="submit" value="save" tone="secondary" disabled={form.pending}>
              {editing ? "Save" : "Register"}
            </Button>
            {form.pending ? (
              <span role="status" className="text-sm text-slate-600">
                Saving…
              </span>
            ) : null}
          </>
        )}
        <Link href={modelVersion ? modelPath(modelVersion.id) : `/projects/${project.slug}/models`} className="text-sm font-medium text-slate-700 hover:underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}
