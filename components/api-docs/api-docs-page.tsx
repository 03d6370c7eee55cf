import { Badge, type BadgeTone } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import type { OpenApiDocument, OpenApiOperation } from "@/lib/api/openapi/build-openapi-document";

type JsonSchema = Record<string, unknown>;

const methodTone: Record<string, BadgeTone> = { get: "blue", post: "green", patch: "amber", put: "amber", delete: "red" };

/** A short human description of a JSON Schema: "string (≤ 200)", "critical | high | …", "number 0–1". */
function describeType(schema: JsonSchema | undefined, doc: OpenApiDocument): string {
  if (!schema) return "any";
  if (typeof schema.$ref === "string") {
    const target = doc.components.schemas[schema.$ref.split("/").pop()!];
    return target && Array.isArray(target.anyOf) && (target.anyOf as JsonSchema[]).length >= 6 ? "any JSON" : "object";
  }
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map(String).join(" | ");
  if (Array.isArray(schema.anyOf)) {
    const parts = (schema.anyOf as JsonSchema[]).map((s) => describeType(s, doc));
    return parts.length >= 6 ? "any JSON" : [...new Set(parts)].join(" or ");
  }
  const type = Array.isArray(schema.type) ? (schema.type as string[]).join(" | ") : typeof schema.type === "string" ? schema.type : schema.properties ? "object" : "any";
  const bounds: string[] = [];
  if (typeof schema.minimum === "number" && schema.minimum > -1e15) bounds.push(`≥ ${schema.minimum}`);
  if (typeof schema.maximum === "number" && schema.maximum < 1e15) bounds.push(`≤ ${schema.maximum}`);
  if (typeof schema.maxLength === "number") bounds.push(`≤ ${schema.maxLength} chars`);
  if (type === "array" && schema.items) return `array of ${describeType(schema.items as JsonSchema, doc)}`;
  return bounds.length ? `${type} (${bounds.join(", ")})` : type;
}

function FieldTable({ caption, rows }: { caption: string; rows: { name: string; type: string; required: boolean; note?: string }[] }) {
  if (rows.length === 0) return null;
  return (
    <div className="min-w-0">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{caption}</p>
      <dl className="mt-1 divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
        {rows.map((row) => (
          <div key={row.name} className="grid gap-x-3 px-2.5 py-1.5 text-sm sm:grid-cols-[minmax(8rem,auto)_1fr]">
            <dt className="font-mono text-xs text-slate-900">
              {row.name}
              {row.required ? <span className="ml-1 text-red-700" title="required">*</span> : null}
            </dt>
            <dd className="min-w-0 break-words text-slate-700">
              <span className="font-mono text-xs text-slate-600">{row.type}</span>
              {row.note ? <span className="block text-xs text-slate-600">{row.note}</span> : null}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function Operation({ method, path, operation, doc }: { method: string; path: string; operation: OpenApiOperation; doc: OpenApiDocument }) {
  const body = operation.requestBody?.content["application/json"]?.schema;
  const required = new Set((body?.required as string[] | undefined) ?? []);
  const bodyRows = Object.entries((body?.properties ?? {}) as Record<string, JsonSchema>).map(([name, schema]) => ({
    name,
    type: describeType(schema, doc),
    required: required.has(name),
    note: [typeof schema.description === "string" ? schema.description : null, schema.default !== undefined ? `default ${JSON.stringify(schema.default)}` : null].filter(Boolean).join(" · ") || undefined,
  }));
  const paramRows = operation.parameters.map((p) => ({
    name: p.in === "path" ? `{${p.name}}` : `?${p.name}`,
    type: describeType(p.schema, doc),
    required: p.required,
    note: p.description,
  }));
  const success = Object.keys(operation.responses).find((code) => code.startsWith("2"));
  const errors = Object.keys(operation.responses).filter((code) => !code.startsWith("2"));
  return (
    <li id={operation.operationId} className="scroll-mt-20 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={methodTone[method] ?? "slate"}>{method.toUpperCase()}</Badge>
        <code className="break-all font-mono text-sm font-semibold text-slate-900">{path}</code>
      </div>
      <p className="mt-1 text-sm text-slate-800">{operation.summary}</p>
      <p className="mt-1 text-xs text-slate-600">
        <span className="font-mono">{operation["x-permission"]}</span> — roles: {operation["x-roles"].join(", ")}; tokens:{" "}
        {operation["x-token-scopes"].length ? operation["x-token-scopes"].join(", ") : "not allowed (session only)"}
      </p>
      {paramRows.length || bodyRows.length ? (
        <div className="mt-3 grid gap-3 lg:grid-cols-2">
          <FieldTable caption="Parameters" rows={paramRows} />
          <FieldTable caption="JSON body" rows={bodyRows} />
        </div>
      ) : null}
      <p className="mt-2 text-xs text-slate-600">
        Responses: <span className="font-medium text-emerald-800">{success}</span>
        {errors.length ? `, ${errors.join(", ")}` : ""}
      </p>
    </li>
  );
}

export function ApiDocsPage({ doc }: { doc: OpenApiDocument }) {
  const byTag = new Map<string, { method: string; path: string; operation: OpenApiOperation }[]>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const tag = operation.tags[0] ?? "other";
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method, path, operation }]);
    }
  }
  const tags = [...byTag.keys()].sort();
  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            Everything the UI does goes through this API. Authenticate with <code className="font-mono text-xs">Authorization: Bearer rt_…</code> (a token from
            API tokens) or a session. Errors are <code className="font-mono text-xs">{"{ error: { code, message, fields? } }"}</code>; lists take{" "}
            <code className="font-mono text-xs">?cursor=&amp;limit=</code> and return <code className="font-mono text-xs">{"{ items, nextCursor }"}</code>.
          </>
        }
        actions={
          <a href="/api/v1/openapi.json" className="inline-flex items-center rounded-md bg-white px-3 py-2 text-sm font-medium text-slate-800 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
            openapi.json
          </a>
        }
      />
      <nav aria-label="API sections" className="mb-6 flex flex-wrap gap-2">
        {tags.map((tag) => (
          <a key={tag} href={`#tag-${tag}`} className="rounded-full bg-white px-3 py-1 text-sm text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
            {tag}
          </a>
        ))}
      </nav>
      <div className="space-y-8">
        {tags.map((tag) => (
          <section key={tag} id={`tag-${tag}`} aria-labelledby={`tag-${tag}-title`} className="scroll-mt-20">
            <h2 id={`tag-${tag}-title`} className="mb-3 text-lg font-semibold capitalize text-slate-900">
              {tag}
            </h2>
            <ul className="space-y-3">
              {byTag.get(tag)!.map((op) => (
                <Operation key={`${op.method} ${op.path}`} {...op} doc={doc} />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}
