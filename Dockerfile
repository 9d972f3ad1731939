# The backend (and the demo data generator, same image, other command).
# Build: docker build -t mail-delivery-analytics .   Run: see docker-compose.yml and docs/running.md.

FROM node:20-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json ./
COPY contract ./contract
COPY backend ./backend
COPY scripts ./scripts
RUN npx tsc -p backend/tsconfig.json \
 && npx tsc -p scripts/run/tsconfig.json
# Only what the compiled backend and demo generator require, at the lock's versions
# (the root package.json also lists the Grafana plugin's browser dependencies).
RUN mkdir -p /prod \
 && node dist-scripts/scripts/run/productionPackage.js /prod/package.json dist-backend dist-scripts \
 && cp package-lock.json /prod/ \
 && cd /prod && npm install --omit=dev --no-audit --no-fund \
 && npm cache clean --force

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3001 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build /prod/package.json /prod/package-lock.json ./
COPY --from=build /prod/node_modules ./node_modules
COPY --from=build /app/dist-backend ./dist-backend
COPY --from=build /app/dist-scripts ./dist-scripts
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3001
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3001) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist-backend/main.js"]
