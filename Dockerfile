# syntax=docker/dockerfile:1
# Perimeter: Next.js standalone server, non-root, for a read-only root filesystem (see deploy/deployment.yaml).
#   docker build -t perimeter .
#   docker run --rm -p 3000:3000 -e PERIMETER_SOURCE=demo --read-only --tmpfs /tmp --tmpfs /app/.next/cache perimeter

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /src
COPY package.json package-lock.json ./
# npm install, not npm ci: the lockfile lacks other platforms' optional binaries (see README / STACK).
RUN npm install --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT=standalone
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT=3000 PERIMETER_SOURCE=cluster
# The standalone server with only the node_modules it traces, its static assets, and the demo cluster (read at run time).
COPY --from=build /src/.next/standalone ./
COPY --from=build /src/.next/static ./.next/static
# The analysis worker bundle (scripts/build-worker.mjs): whole-snapshot analyses run in it, off the event loop.
COPY --from=build /src/.next/perimeter ./.next/perimeter
COPY --from=build /src/public ./public
COPY --from=build /src/demo ./demo
# Root owns every file (the app cannot change itself); the writable paths are volumes: /tmp and .next/cache.
RUN mkdir -p /app/.next/cache && chown 10001:10001 /app/.next/cache
USER 10001:10001
EXPOSE 3000
CMD ["node", "server.js"]
