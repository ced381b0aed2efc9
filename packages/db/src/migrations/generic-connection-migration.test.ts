import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The migration that made Connection generic, run on rows of the shape before it: a database of its
// own is migrated up to the migration before, given Xero-shaped rows, then taken through this one.

const TARGET = "20261203000100_generic_connection";
const migrationsDirectory = new URL("../../../../prisma/migrations/", import.meta.url);
const migrationSql = (name: string) => readFileSync(new URL(`${name}/migration.sql`, migrationsDirectory), "utf8");
const earlier = readdirSync(migrationsDirectory, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name < TARGET)
  .map((entry) => entry.name)
  .sort();

const baseUrl = new URL(process.env.DATABASE_URL ?? "postgresql://missing");
const database = `${baseUrl.pathname.slice(1)}_mig_${randomUUID().slice(0, 8)}`;
const serverUrl = Object.assign(new URL(baseUrl), { pathname: "/postgres" });
let client: pg.Client;

async function onServer(sql: string) {
  const server = new pg.Client({ connectionString: serverUrl.toString() });
  await server.connect();
  try {
    await server.query(sql);
  } finally {
    await server.end();
  }
}

beforeAll(async () => {
  await onServer(`CREATE DATABASE "${database}"`);
  client = new pg.Client({
    connectionString: Object.assign(new URL(baseUrl), { pathname: `/${database}` }).toString(),
  });
  await client.connect();
  for (const name of earlier) await client.query(migrationSql(name));

  await client.query(`INSERT INTO "User" (id, email, "updatedAt") VALUES ('u1', 'u1@example.test', now())`);
  await client.query(`INSERT INTO "Workspace" (id, name, "updatedAt") VALUES ('w1', 'W', now())`);
  await client.query(
    `INSERT INTO "Connection" (id, "workspaceId", "tenantId", "tenantName", "tenantType", "xeroConnectionId",
       "accessTokenEnc", "refreshTokenEnc", scopes, status, "createdById", "updatedAt")
     VALUES ('c1', 'w1', 'tenant-1', 'Demo Company (NZ)', 'ORGANISATION', 'xero-connection-1',
       'v1.k.a', 'v1.k.r', ARRAY['accounting.invoices'], 'NEEDS_REAUTH', 'u1', now()),
       ('c2', 'w1', 'tenant-2', 'Second Ltd', DEFAULT, NULL, NULL, NULL, ARRAY[]::text[], 'REVOKED', 'u1', now())`,
  );

  // Statement by statement, split on ";" as our migration runner splits it (a ";" in a comment would
  // break the migration there, and here).
  for (const statement of migrationSql(TARGET).split(";")) {
    if (statement.trim()) await client.query(statement);
  }
});

afterAll(async () => {
  await client?.end();
  await onServer(`DROP DATABASE IF EXISTS "${database}"`);
});

describe(TARGET, () => {
  it("keeps every row's data: the account and its name renamed, Xero's own fields in providerData", async () => {
    const { rows } = await client.query(
      `SELECT id, provider, "externalId", name, "providerData", "accessTokenEnc", "refreshTokenEnc", scopes, status
       FROM "Connection" ORDER BY id`,
    );

    expect(rows).toEqual([
      {
        id: "c1",
        provider: "xero",
        externalId: "tenant-1",
        name: "Demo Company (NZ)",
        providerData: { tenantType: "ORGANISATION", connectionId: "xero-connection-1" },
        accessTokenEnc: "v1.k.a",
        refreshTokenEnc: "v1.k.r",
        scopes: ["accounting.invoices"],
        status: "NEEDS_REAUTH",
      },
      {
        id: "c2",
        provider: "xero",
        externalId: "tenant-2",
        name: "Second Ltd",
        providerData: { tenantType: "ORGANISATION" },
        accessTokenEnc: null,
        refreshTokenEnc: null,
        scopes: [],
        status: "REVOKED",
      },
    ]);
  });

  it("drops the Xero columns and the provider default, and keeps one account per provider and workspace", async () => {
    const { rows: columns } = await client.query(
      `SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'Connection'`,
    );
    const names = columns.map((column) => column.column_name);
    expect(names).not.toContain("tenantType");
    expect(names).not.toContain("xeroConnectionId");
    expect(columns.find((column) => column.column_name === "provider")?.column_default).toBeNull();

    const insert = (id: string, provider: string) =>
      client.query(
        `INSERT INTO "Connection" (id, "workspaceId", provider, "externalId", name, scopes, "createdById", "updatedAt")
         VALUES ($1, 'w1', $2, 'tenant-1', 'Again', ARRAY[]::text[], 'u1', now())`,
        [id, provider],
      );
    await expect(insert("c3", "xero")).rejects.toThrow(/Connection_workspaceId_provider_externalId_key/);
    await expect(insert("c4", "another")).resolves.toMatchObject({ rowCount: 1 });
  });
});
