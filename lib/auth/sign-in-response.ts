import "server-only";
import { jsonResponse } from "@/lib/http/json-response";
import { auth } from "./better-auth";

/** Signs a freshly created account in: the JSON body plus better-auth's session cookie. */
export async function signInResponse(request: Request, email: string, password: string, body: unknown, status = 201) {
  const signIn = await auth().api.signInEmail({ body: { email, password }, headers: request.headers, asResponse: true });
  const response = jsonResponse(body, status);
  for (const cookie of signIn.headers.getSetCookie()) response.headers.append("set-cookie", cookie);
  return response;
}
