# syntax=docker/dockerfile:1
# Build stage: compile TypeScript and the better-sqlite3 native addon, then drop dev dependencies.
FROM node:22-bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# npm ci runs the prepare script, which builds only once the sources are there (the build step below)
COPY scripts/build.mjs ./scripts/
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
COPY commands ./commands
COPY scripts ./scripts
RUN npm run build && npm prune --omit=dev

# Runtime stage: only what runs, as the unprivileged "node" user, with the database on a volume.
FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    DATABASE_URL=/data/secops-bot.db \
    PORT=3000
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY migrations ./migrations
COPY src/data/*.json ./src/data/
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/src/main.js"]
