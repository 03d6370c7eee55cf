# syntax=docker/dockerfile:1
# Ratchet's image: the web server (npm start, which also runs one replay worker)
# or, with `npm run worker` as its command, more workers. Untested in this
# project's CI: its build machines cannot reach an image registry (README → Container).
# Every npm command here is one CI runs too; scripts/container-files.test.ts checks they exist in package.json.

ARG NODE_IMAGE=node:20-bookworm-slim

# deps: the locked dependencies (postinstall generates the Prisma client from the schema).
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json .npmrc prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/prisma-generate.mjs ./scripts/
RUN npm ci --no-audit --no-fund

# build: next build, as npm start would on first start.
FROM deps AS build
COPY . .
# npm run build records the sources' fingerprint in .next/ (scripts/build-if-needed.ts); COPY --from
# keeps file times, so npm start in the runtime stage finds the build up to date.
RUN npm run build

# runtime: the built app, run as the image's unprivileged `node` user.
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 RATCHET_HOST=0.0.0.0 RATCHET_DATA_DIR=/app/.ratchet
COPY --from=build --chown=node:node /app ./
RUN mkdir -p /app/.ratchet && chown node:node /app/.ratchet
USER node
EXPOSE 3000
# Ready = migrated and answering, database reachable. Node's own fetch: the slim image has no curl or wget.
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["npm", "start"]
