# Builds and runs the finetune-review server as a non-root user.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json ./
COPY src ./src
COPY rules ./rules
RUN npm ci && npm run build && npm prune --omit=dev

FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json app.yml ./
COPY rules ./rules
COPY bin ./bin
USER node
EXPOSE 3000
CMD ["node", "node_modules/probot/bin/probot.js", "run", "./dist/index.js"]
