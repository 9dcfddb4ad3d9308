# syntax=docker/dockerfile:1
# Multi-stage: build and train in a full image, ship production deps + dist + content + model only.
# Node 24 (LTS until April 2028); the code also runs on Node 20, the CI machine's (package.json engines).

FROM node:24-bookworm-slim AS build
# better-sqlite3 is a native addon: a toolchain in the build stage lets it compile when no prebuilt binary can be
# fetched; the runtime stage gets the compiled, pruned node_modules and no toolchain.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY types ./types
COPY scripts ./scripts
COPY src ./src
COPY intents ./intents
COPY responses ./responses
COPY flows ./flows
COPY public ./public
RUN npm run build && npm run train && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim AS runtime
# A V8 heap limit keeps RSS near 150 MB under load (bench/results.md); without it old space grows to ~250 MB.
ENV NODE_ENV=production PORT=8080 NODE_OPTIONS=--max-old-space-size=256
WORKDIR /app
COPY package.json package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/intents ./intents
COPY --from=build /app/responses ./responses
COPY --from=build /app/flows ./flows
COPY --from=build /app/models ./models
COPY --from=build /app/public ./public
# scripts/cli.js runs the operator CLIs from dist/ (npm run report:fallbacks, console:user, validate, train, chat)
COPY --from=build /app/scripts ./scripts
RUN mkdir -p var && chown node:node var models
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# node itself, not npm start: it gets SIGTERM directly and exits gracefully (npm start execs node too)
CMD ["node", "dist/index.js"]
