import { readJsonPath } from "./json-path";

// Placeholders in connector templates (http body/url/headers, openai prompt):
//   {{input}}            the whole pattern input
//   {{input.a.b}}        a field of it (numeric steps index arrays: {{input.items.0}})
//   {{secret.NAME}}      a connector secret (headers only)
// Spaces inside the braces are allowed. A JSON body template is rendered by
// *value substitution*: a string that is exactly one placeholder becomes the
// JSON value itself (object, number, …); placeholders inside longer strings are
// spliced in as text (strings as they are, other values as JSON). Nothing is
// ever parsed back from text, so an input can never inject JSON structure.

const PLACEHOLDER = /\{\{\s*((?:input|secret)(?:\.[^\s{}.]+)*)\s*\}\}/g;
const WHOLE_PLACEHOLDER = /^\{\{\s*((?:input|secret)(?:\.[^\s{}.]+)*)\s*\}\}$/;

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TemplateError";
  }
}

export type TemplateScope = { input: unknown; secrets?: Record<string, string> };

function resolve(reference: string, scope: TemplateScope): unknown {
  const [root, ...steps] = reference.split(".");
  if (root === "secret") {
    const name = steps.join(".");
    const value = scope.secrets?.[name];
    if (value === undefined) throw new TemplateError(`secret "${name}" is not set`);
    return value;
  }
  if (!steps.length) return scope.input;
  const path = "$" + steps.map((s) => (/^\d+$/.test(s) ? `[${s}]` : `[${JSON.stringify(s)}]`)).join("");
  const read = readJsonPath(scope.input, path);
  if (!read.found) throw new TemplateError(`pattern input has no field "${steps.join(".")}"`);
  return read.value;
}

function asText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Text interpolation: every placeholder replaced by its text form, optionally escaped (URLs). */
export function renderTextTemplate(template: string, scope: TemplateScope, escape: (text: string) => string = (t) => t): string {
  return template.replace(PLACEHOLDER, (_match, reference: string) => escape(asText(resolve(reference, scope))));
}

/** JSON value substitution over a JSON template (see the file comment). */
export function renderJsonTemplate(template: unknown, scope: TemplateScope): unknown {
  if (typeof template === "string") {
    const whole = WHOLE_PLACEHOLDER.exec(template);
    return whole ? resolve(whole[1]!, scope) : renderTextTemplate(template, scope);
  }
  if (Array.isArray(template)) return template.map((item) => renderJsonTemplate(item, scope));
  if (template !== null && typeof template === "object") {
    return Object.fromEntries(Object.entries(template).map(([key, value]) => [key, renderJsonTemplate(value, scope)]));
  }
  return template;
}

/** Names of the secrets a template refers to (for validation at registration). */
export function secretReferences(template: unknown): string[] {
  const text = typeof template === "string" ? template : JSON.stringify(template ?? null);
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((r) => r.startsWith("secret.")).map((r) => r.slice("secret.".length));
}

/** Header values rendered as text (secrets and, where allowed, input fields). */
export function renderHeaders(headers: Record<string, string>, scope: TemplateScope): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, renderTextTemplate(value, scope)]));
}
