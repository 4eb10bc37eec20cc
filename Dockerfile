# The Sovetnik shopping assistant. TypeScript runs through tsx, so there is no separate build step;
# the first stage only compiles the native modules (hnswlib-node).
FROM node:20.20-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20.20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY core ./core
COPY adapters ./adapters
COPY dialogs ./dialogs
COPY bots ./bots
COPY locales ./locales
COPY prompts ./prompts
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# node runs as the main process (no npm wrapper), so SIGTERM reaches the graceful shutdown directly.
CMD ["node", "--import", "tsx", "bots/shopping-assistant/main.ts"]
