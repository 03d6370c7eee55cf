import { MethodNotAllowedError } from "@/lib/errors/domain-errors";

/** Sign-offs are immutable: a change is a new decision, which supersedes the old one. */
export function refuseSignoffChange(allow: string): never {
  throw new MethodNotAllowedError("Sign-offs are immutable: record a new decision (POST /problems/{problemId}/signoffs), which supersedes the previous one.", allow);
}
