# Mockroom as a container (see docker-compose.yml). Two stages: the first installs everything and builds;
# the last holds only Next's standalone output, completed by the build (static files, migrations, seed
# content and the bundled entry lib/server/container.ts), and runs it with plain Node as an unprivileged
# user. At start the entry migrates and seeds (replicas take turns under an advisory lock), then serves.
# tests/chaos runs exactly this folder, copied away from the repository, on every CI run.
# Node 24 LTS: Node 20's support ended in April 2026, and 24 serves a page for about a third less CPU
# (docs/performance.md, round twenty-four); the whole test suite passes on both.

FROM node:24-bookworm-slim AS build
ENV NEXT_TELEMETRY_DISABLED=1
WORKDIR /app
# Dependencies first, cached while the package files are unchanged (postinstall generates the Prisma client).
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:24-bookworm-slim
# Two malloc arenas: less resident memory with the markdown worker threads (lib/cli/serve.ts SERVER_ENV).
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOST=0.0.0.0 PORT=3000 MALLOC_ARENA_MAX=2
WORKDIR /app
COPY --from=build --chown=node:node /app/.next/standalone ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# DATABASE_URL and AUTH_SECRET come from the environment; the process stops with a message without them.
CMD ["node", "--max-old-space-size=256", "--max-semi-space-size=8", "mockroom.cjs"]
