/**
 * The pages' Content-Security-Policy: scripts only with this response's nonce
 * (Next puts it on its own scripts), nothing framed or framing, no plugins.
 * Styles allow 'unsafe-inline' because React renders `style` attributes (recharts
 * positions every chart element with them) and CSP nonces cannot cover attributes;
 * styles cannot run code.
 */
export function contentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    // React in development rebuilds server error stacks with eval; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${options.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** HSTS for a year once the public URL is https: browsers then never try plain http. */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";
