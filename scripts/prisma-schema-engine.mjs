#!/usr/bin/env node
// Prisma's schema engine served from its WebAssembly build, so `prisma migrate …` and `db push`
// work with no native binary download (nothing can reach Prisma's binary host here, and
// air-gapped self-hosters are in the same place). prisma.config.ts names this file in
// PRISMA_SCHEMA_ENGINE_BINARY. The CLI spawns it with `--datamodels <path>… --datasource <json>`
// and speaks JSON-RPC 2.0 over stdin/stdout, one object per line, or runs it once as
// `--datasource <json> cli <command>`. Re-check every workaround below on each Prisma upgrade.

import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as wasmBindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import Database from 'better-sqlite3';
import pg from 'pg';

const { values: args, positionals } = parseArgs({
  options: {
    datamodels: { type: 'string', multiple: true, default: [] },
    datasource: { type: 'string', default: '{}' },
    version: { type: 'boolean', default: false },
    // Passed by the CLI; the wasm engine takes neither.
    'enabled-preview-features': { type: 'string' },
    'extension-types': { type: 'string' },
  },
  allowPositionals: true,
});

/** The package's exports hide its .wasm file and loader, so instantiate it by hand. */
async function loadWasm() {
  const bindingsUrl = import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bytes = await readFile(new URL('schema_engine_bg.wasm', bindingsUrl));
  const { instance } = await WebAssembly.instantiate(bytes, {
    './schema_engine_bg.js': wasmBindings,
  });
  wasmBindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
}

function datasource() {
  const { url, shadowDatabaseUrl } = JSON.parse(args.datasource);
  if (!url) fail('No datasource url: set DATABASE_URL (see prisma.config.ts).');
  return { url, shadowDatabaseUrl };
}

function isSqlite(url) {
  if (url.startsWith('file:')) return true;
  if (/^postgres(ql)?:\/\//.test(url)) return false;
  fail('Unsupported database URL: expected file:… (SQLite) or postgres://… (PostgreSQL).');
}

function sqlitePath(url) {
  return path.resolve(url.slice('file:'.length).split('?')[0]);
}

function pgDatabaseName(url) {
  return decodeURIComponent(new URL(url).pathname.slice(1)) || 'postgres';
}

function withPgDatabase(url, database) {
  const next = new URL(url);
  next.pathname = `/${encodeURIComponent(database)}`;
  return next.toString();
}

function quoteIdentifier(name) {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Writes an error the way the native engine logs it, which is where the CLI looks, and exits. */
function fail(message, errorCode) {
  const log = (level, fields) =>
    process.stderr.write(`${JSON.stringify({ level, target: 'schema_engine::logger', fields })}\n`);
  // The CLI drops the first stderr line of a one-off call, so lead with an info line.
  log('INFO', { message: 'Starting schema-engine-wasm' });
  log('ERROR', errorCode ? { error_code: errorCode, message } : { message });
  process.exit(1);
}

// Adapters ------------------------------------------------------------------------------------

const SELECT_NOTHING = { columnNames: [], columnTypes: [], rows: [] };

/** Wraps a driver adapter with the fixes the wasm engine needs; `onDispose` runs after it closes. */
function fixAdapter(adapter, onDispose = async () => {}) {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    getConnectionInfo: adapter.getConnectionInfo && (() => adapter.getConnectionInfo()),
    executeScript: (script) => adapter.executeScript(script),
    startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
    async queryRaw(query) {
      try {
        return await adapter.queryRaw(query);
      } catch (error) {
        // Quirk 1: on a fresh database the engine reads _prisma_migrations before creating it,
        // and does not recognise the adapter's TableDoesNotExist as "no table yet" (P1014).
        if (error?.cause?.kind === 'TableDoesNotExist' && query.sql.includes('_prisma_migrations'))
          return SELECT_NOTHING;
        throw error;
      }
    },
    async executeRaw(query) {
      try {
        return await adapter.executeRaw(query);
      } catch (error) {
        // Quirk 2: better-sqlite3 prepares one statement at a time; migration scripts have many.
        if (query.args.length === 0 && /more than one statement/.test(error?.message)) {
          await adapter.executeScript(query.sql);
          return 0;
        }
        throw error;
      }
    },
    async dispose() {
      await adapter.dispose();
      await onDispose();
    },
  };
}

function sqliteFactory({ url, shadowDatabaseUrl }) {
  const factory = new PrismaBetterSqlite3(
    { url: sqlitePath(url) },
    { shadowDatabaseUrl: shadowDatabaseUrl && sqlitePath(shadowDatabaseUrl) },
  );
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => fixAdapter(await factory.connect()),
    connectToShadowDb: async () => fixAdapter(await factory.connectToShadowDb()),
  };
}

/** Quirk 4: adapter-pg cannot map PostgreSQL's internal "char" type, which the catalog queries
 * describing a schema return; its values arrive as strings, so call the column text. */
class CharAsTextClient extends pg.Client {
  query(...queryArgs) {
    const relabel = (result) => {
      for (const one of [result].flat()) {
        for (const field of one?.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
      }
      return result;
    };
    const last = queryArgs.length - 1;
    const callback = queryArgs[last];
    if (typeof callback === 'function') {
      queryArgs[last] = (error, result) => callback(error, result && relabel(result));
      return super.query(...queryArgs);
    }
    const pending = super.query(...queryArgs);
    return pending instanceof Promise ? pending.then(relabel) : pending;
  }
}

function pgFactory({ url, shadowDatabaseUrl }) {
  const schema = new URL(url).searchParams.get('schema') ?? undefined;
  const connectTo = async (connectionString) =>
    new PrismaPg({ connectionString, Client: CharAsTextClient }, { schema }).connect();
  const { provider, adapterName } = new PrismaPg(url); // Only for its names: connects nothing.
  return {
    provider,
    adapterName,
    connect: async () => fixAdapter(await connectTo(url)),
    async connectToShadowDb() {
      if (shadowDatabaseUrl) return fixAdapter(await connectTo(shadowDatabaseUrl));
      // Quirk 5: adapter-pg's own shadow database cannot be used. Given a connection string, its
      // pool ignores the new database's name (pg lets the string win) and opens the main
      // database; given a config, it drops the shadow while its pool is still connected
      // ("being accessed by other users"). So: create it, connect by URL, close, then drop.
      const admin = await connectTo(url);
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      await admin.executeScript(`CREATE DATABASE ${quoteIdentifier(name)}`);
      const shadow = await connectTo(withPgDatabase(url, name));
      return fixAdapter(shadow, async () => {
        await admin.executeScript(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)}`);
        await admin.dispose();
      });
    },
  };
}

/** Quirk 3: the wasm engine's SQLite reset only deletes rows, so the next migration fails with
 * "table already exists". Drop every table and view instead, as the native engine does. */
async function resetSqlite(factory) {
  const adapter = await factory.connect();
  try {
    const { rows } = await adapter.queryRaw({
      sql: "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'",
      args: [],
      argTypes: [],
    });
    const drops = rows.map(([type, name]) => `DROP ${type} IF EXISTS ${quoteIdentifier(name)};`);
    await adapter.executeScript(
      ['PRAGMA foreign_keys = OFF;', ...drops, 'PRAGMA foreign_keys = ON;'].join('\n'),
    );
  } finally {
    await adapter.dispose();
  }
}

// JSON-RPC server -----------------------------------------------------------------------------

async function serve() {
  const source = datasource();
  const sqlite = isSqlite(source.url);
  const factory = sqlite ? sqliteFactory(source) : pgFactory(source);
  const datamodels = await Promise.all(
    args.datamodels.map(async (file) => [file, await readFile(file, 'utf8')]),
  );
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(factory);
  /** The engine reports a JavaScript error from the adapter as "External error id#N". */
  const originalError = (error) => {
    const id = /External error id#(\d+)/.exec(error?.message)?.[1];
    return (id && adapterFactory.errorRegistry.consumeError(Number(id))?.error) || error;
  };
  let engine;
  try {
    engine = await wasmBindings.SchemaEngine.new(
      { datamodels: datamodels.length > 0 ? datamodels : undefined },
      (log) => process.stderr.write(`${log.trim()}\n`),
      adapterFactory,
    );
  } catch (error) {
    fail(originalError(error).message);
  }

  const send = (message) =>
    process.stdout.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);
  const replies = new Map();
  let nextRequestId = 1;
  /** The engine asks the CLI to print what goes to the user's stdout (the diff), as the native one does. */
  const print = (content) => {
    const id = `print-${nextRequestId++}`;
    send({ id, method: 'print', params: { content } });
    return new Promise((resolve) => replies.set(id, resolve));
  };

  const warmMigrationsCache = ({ migrationsList, filters }) =>
    engine.diagnoseMigrationHistory({ migrationsList, filters, optInToShadowDatabase: true });
  const handlers = {
    getDatabaseVersion: (params) => engine.version(params),
    createDatabase: async () => {
      await createDatabase(source.url);
      return {
        databaseName: sqlite ? path.basename(sqlitePath(source.url)) : pgDatabaseName(source.url),
      };
    },
    reset: (params) => (sqlite ? resetSqlite(factory) : engine.reset(params)),
    // Quirk 6: these two read the migrations' schema only from the engine's cache and, unlike
    // the native engine, cannot fall back to the shadow database, so they fail on the first
    // `migrate dev` against a database that was behind. Diagnosing first fills the cache.
    evaluateDataLoss: async (params) => {
      await warmMigrationsCache(params);
      return engine.evaluateDataLoss(params);
    },
    createMigration: async (params) => {
      await warmMigrationsCache(params);
      return engine.createMigration(params);
    },
    diff: async (params) => {
      const { stdout, ...result } = await engine.diff(params);
      if (stdout) await print(stdout.replace(/\n$/, ''));
      return { ...result, stdout: null };
    },
  };
  const handle = async ({ id, method, params }) => {
    try {
      let result;
      if (handlers[method]) result = await handlers[method](params);
      else if (typeof engine[method] === 'function') result = await engine[method](params);
      else return send({ id, error: { code: -32601, message: `Method not found: ${method}` } });
      send({ id, result: result ?? null });
    } catch (error) {
      send({ id, error: toRpcError(originalError(error)) });
    }
  };

  // One request at a time, as the native engine does; replies to our `print` bypass the queue.
  let queue = Promise.resolve();
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  lines.on('line', (line) => {
    if (!line.trim()) return;
    const message = JSON.parse(line);
    if (message.method === undefined) {
      replies.get(message.id)?.(message);
      replies.delete(message.id);
    } else {
      queue = queue.then(() => handle(message));
    }
  });
  lines.on('close', async () => {
    await queue;
    engine.free();
    process.exit(0);
  });
}

/** Shapes an engine failure as the native engine's JSON-RPC error, which the CLI unpacks. */
function toRpcError(error) {
  const message = error instanceof Error ? error.message : String(error);
  const isPanic = error instanceof WebAssembly.RuntimeError;
  const data = { is_panic: isPanic, message, ...(isPanic && { error: { message } }) };
  if (typeof error?.code === 'string')
    Object.assign(data, { error_code: error.code, meta: error.meta ?? null });
  return { code: 4466, message, data };
}

// One-off calls -------------------------------------------------------------------------------

async function runOnce(command) {
  const { url } = datasource();
  const sqlite = isSqlite(url);
  switch (command) {
    case 'can-connect-to-database':
      if (sqlite) {
        const file = sqlitePath(url);
        if (!existsSync(file))
          fail(`Database \`${path.basename(file)}\` does not exist at \`${file}\``, 'P1003');
      } else {
        await withPgClient(url, async () => {});
      }
      break;
    case 'create-database':
      await createDatabase(url);
      break;
    case 'drop-database':
      if (sqlite) {
        for (const suffix of ['', '-wal', '-shm', '-journal'])
          rmSync(`${sqlitePath(url)}${suffix}`, { force: true });
      } else {
        await withPgClient(
          url,
          (client) =>
            client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(pgDatabaseName(url))}`),
          { maintenance: true },
        );
      }
      break;
    default:
      fail(`Unknown cli command: ${command}`);
  }
}

async function createDatabase(url) {
  if (isSqlite(url)) {
    const file = sqlitePath(url);
    mkdirSync(path.dirname(file), { recursive: true });
    new Database(file).close();
    return;
  }
  await withPgClient(
    url,
    (client) => client.query(`CREATE DATABASE ${quoteIdentifier(pgDatabaseName(url))}`),
    { maintenance: true },
  );
}

/**
 * Runs `work` on a plain pg connection to the URL's database, or with `maintenance` to the
 * server's `postgres` database (to create or drop the URL's), reporting failures with the CLI's
 * error codes.
 */
async function withPgClient(url, work, { maintenance = false } = {}) {
  const client = new pg.Client({
    connectionString: maintenance ? withPgDatabase(url, 'postgres') : url,
  });
  const where = `${client.host}:${client.port}`;
  const database = pgDatabaseName(url);
  try {
    await client.connect();
    await work(client);
  } catch (error) {
    const known = {
      '3D000': [
        'P1003',
        `Database \`${database}\` does not exist on the database server at \`${where}\`.`,
      ],
      '42P04': [
        'P1009',
        `Database \`${database}\` already exists on the database server at \`${where}\``,
      ],
      '28P01': ['P1000', `Authentication failed against database server at \`${where}\`.`],
      ECONNREFUSED: ['P1001', `Can't reach database server at \`${where}\``],
    };
    known.ENOTFOUND = known.ECONNREFUSED;
    const [code, message] = known[error.code] ?? [undefined, error.message];
    fail(message, code);
  } finally {
    await client.end().catch(() => {});
  }
}

// Last, so that every declaration above is initialised.
await loadWasm();

if (args.version) {
  console.log(`schema-engine-wasm ${wasmBindings.version()}`);
} else if (positionals[0] === 'cli') {
  await runOnce(positionals[1]);
} else {
  await serve();
}
