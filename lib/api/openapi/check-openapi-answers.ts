import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import type { OpenApiDocument } from "./build-openapi-document";

// Holds recorded answers of the API against its OpenAPI document: every
// (method, path, status) must be documented, and a JSON body must validate
// against the documented schema (JSON Schema 2020-12, OpenAPI 3.1's dialect,
// with ajv). Formats are not checked: zod already enforces them on the way in.

export type ApiAnswer = { method: string; path: string; status: number; body?: unknown; bodyOmitted?: true; test?: string };
export type AnswerProblem = { operation: string; status: number; problem: string; test?: string };

type Response = { $ref?: string; content?: Record<string, { schema?: Record<string, unknown> }> };

export function checkOpenApiAnswers(doc: OpenApiDocument, answers: ApiAnswer[]): AnswerProblem[] {
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: false });
  const validators = new Map<string, ValidateFunction | null>();
  const problems = new Map<string, AnswerProblem>();
  const add = (answer: ApiAnswer, problem: string) => {
    const operation = `${answer.method} ${answer.path}`;
    problems.set(`${operation} ${answer.status} ${problem}`, { operation, status: answer.status, problem, test: answer.test });
  };
  for (const answer of answers) {
    const operation = doc.paths[answer.path]?.[answer.method.toLowerCase()];
    if (!operation) {
      add(answer, "the document has no such operation");
      continue;
    }
    const response = operation.responses[String(answer.status)] as Response | undefined;
    if (!response) {
      add(answer, `status ${answer.status} is not documented (documented: ${Object.keys(operation.responses).join(", ")})`);
      continue;
    }
    if (answer.body === undefined || answer.bodyOmitted) continue;
    const key = `${answer.method} ${answer.path} ${answer.status}`;
    if (!validators.has(key)) {
      const resolved = response.$ref ? (doc.components.responses[response.$ref.split("/").pop()!] as Response | undefined) : response;
      const schema = resolved?.content?.["application/json"]?.schema;
      // The schema's "#/components/…" references resolve against the document's components.
      validators.set(key, schema ? ajv.compile({ ...schema, components: doc.components }) : null);
    }
    const validate = validators.get(key);
    if (validate === null) {
      if (answer.status < 300) add(answer, "answers a JSON body but the document gives no response schema");
      continue;
    }
    if (validate && !validate(answer.body)) {
      const error = validate.errors?.[0];
      add(answer, `body does not match the documented schema: ${error?.instancePath || "(root)"} ${error?.message ?? ""}`.trim());
    }
  }
  return [...problems.values()];
}
