import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Packages that load WebAssembly or native code at run time stay outside the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "@prisma/schema-engine-wasm", "pg"],
  typedRoutes: false,
  // forbidden() renders app/forbidden.tsx with a 403 for pages a role may not open.
  experimental: { authInterrupts: true },
};

export default nextConfig;
