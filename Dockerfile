# One image recipe for all four services: docker build --build-arg APP=ingest|enricher|indexer|api .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps apps
COPY libs libs
COPY tools tools
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim AS runtime
ARG APP
# MALLOC_ARENA_MAX: the same as every launcher (tools/stack/heap-limits.ts).
ENV NODE_ENV=production \
    APP=${APP} \
    HTTP_HOST=0.0.0.0 \
    MALLOC_ARENA_MAX=2
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules node_modules
COPY --from=build --chown=node:node /app/dist dist
COPY --chown=node:node data/models data/models
COPY --chown=node:node data/entities data/entities
USER node
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["sh", "-c", "node dist/tools/healthcheck/main.js \"$APP\""]
CMD ["sh", "-c", "exec node dist/apps/$APP/src/main.js"]
