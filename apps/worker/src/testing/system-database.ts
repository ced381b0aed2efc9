import { spawnSync } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { repoRoot } from "./app-processes";

// A system test's own database. Sweepers act on every unfinished run of their database — in
// production one deployment has one database — so systems that shared the suite's would take over
// each other's overdue runs and execute them against the wrong (their own) Xero sandbox. Each system
// gets a copy of a migrated template instead: CREATE DATABASE … TEMPLATE is a file copy, well under
// a second, where migrating afresh would take several.

export interface SystemDatabase {
  url: string;
  drop(): Promise<void>;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

function withDatabase(url: URL, database: string): URL {
  const copy = new URL(url);
  copy.pathname = `/${database}`;
  return copy;
}

async function onServer<T>(serverUrl: URL, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres").toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** One template per set of migrations, so a new or edited migration never meets a stale copy. */
function templateName(baseDatabase: string): string {
  const directory = path.join(repoRoot, "prisma", "migrations");
  const hash = createHash("sha256");
  for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory()) continue;
    hash.update(entry.name).update(readFileSync(path.join(directory, entry.name, "migration.sql")));
  }
  return `${baseDatabase}_tpl_${hash.digest("hex").slice(0, 8)}`;
}

async function ensureTemplate(serverUrl: URL, template: string): Promise<void> {
  await onServer(serverUrl, async (client) => {
    // Test files start in parallel: one of them migrates the template, the others wait for it.
    await client.query("SELECT pg_advisory_lock(hashtext($1))", [template]);
    try {
      const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
      if (rowCount) return;
      await client.query(`CREATE DATABASE ${quote(template)}`);
      const migrated = spawnSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], {
        cwd: repoRoot,
        env: { ...process.env, DATABASE_URL: withDatabase(serverUrl, template).toString() },
        encoding: "utf8",
      });
      if (migrated.status !== 0) {
        await client.query(`DROP DATABASE IF EXISTS ${quote(template)}`);
        throw new Error(`Migrating the system-test template failed:\n${migrated.stdout}\n${migrated.stderr}`);
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext($1))", [template]);
    }
  });
}

/** A fresh database for one system, on the server of `baseUrl` (the suite's DATABASE_URL). */
export async function createSystemDatabase(baseUrl: string): Promise<SystemDatabase> {
  const base = new URL(baseUrl);
  const baseDatabase = base.pathname.slice(1);
  const template = templateName(baseDatabase);
  await ensureTemplate(base, template);
  const database = `${baseDatabase}_sys_${randomUUID().slice(0, 8)}`;
  await onServer(base, async (client) => {
    // Copies of one template are made one at a time: PostgreSQL refuses a copy while another reads it.
    await client.query("SELECT pg_advisory_lock(hashtext($1))", [template]);
    try {
      await client.query(`CREATE DATABASE ${quote(database)} TEMPLATE ${quote(template)}`);
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext($1))", [template]);
    }
  });
  return {
    url: withDatabase(base, database).toString(),
    drop: () =>
      onServer(base, (client) => client.query(`DROP DATABASE IF EXISTS ${quote(database)} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
