# One image for every component of the hospital system; the command picks the component:
#   docker run IMAGE router | subgraph <dept> | service <dept> | web | migrate | seed-demo
# The base is pinned by digest (linux/amd64 + arm64 index of node:20-slim). It goes stale: refresh it
# with `docker buildx imagetools inspect node:20-slim` and update NODE_IMAGE (README, "Production
# build and container image").
ARG NODE_IMAGE=node:20-slim@sha256:1e85773c98c31d4fe5b545e4cb17379e617b348832fb3738b22a08f68dec30f3

# ---- build: all dependencies, generated code (postinstall), then dist/ ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV CI=true
# The whole tree (minus .dockerignore): postinstall generates Prisma, gRPC and GraphQL code from it.
COPY . .
RUN npm ci --no-audit --no-fund
RUN npm run build
# What `npm ci` needs in the runtime stage: the lockfile and every workspace's package.json.
RUN mkdir /manifests \
 && cp package.json package-lock.json .npmrc /manifests/ \
 && find prisma grpc-internal service-kit subgraphs router web -name package.json -not -path '*/node_modules/*' -exec cp --parents {} /manifests/ \;

# ---- runtime: production dependencies and dist/ only, non-root, writes only to /tmp ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /manifests/ ./
# No install scripts: the generated code is already bundled in dist/.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force && rm -rf /root/.npm /tmp/*
COPY --from=build /app/dist ./dist
# At run time everything written (npm, Prisma CLI, Node) goes to /tmp; no update checks.
ENV HOME=/tmp \
    TMPDIR=/tmp \
    CHECKPOINT_DISABLE=1 \
    PRISMA_HIDE_UPDATE_MESSAGE=1
# The node user of the base image, by number so Kubernetes' runAsNonRoot can verify it.
USER 1000:1000
# The root filesystem may be read-only: everything written goes to /tmp (mount an emptyDir there).
VOLUME ["/tmp"]
EXPOSE 4000 3000
# Node is PID 1 and handles SIGTERM/SIGINT itself (graceful drain bounded by SHUTDOWN_GRACE_MS);
# every child it starts (the Prisma CLI during migrate) is waited for, so no init is needed.
ENTRYPOINT ["node", "dist/hospital.js"]
