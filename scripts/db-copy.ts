// `npm run db:copy -- --from file:./data/versus.db --to postgresql://…`: moves an instance from
// SQLite to PostgreSQL. Brings both databases to this version's schema (as `npm start` would),
// copies every row in one transaction, checks the row counts and prints them. Stop the app
// first: rows written during the copy may be missed.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { copyDatabase } from '../lib/db/database-copy';

const usage =
  'usage: npm run db:copy -- --from <file:… or postgresql://…> --to <postgresql://…> [--replace]';

const { values } = parseArgs({
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    // Empties a target that already holds rows (otherwise refused).
    replace: { type: 'boolean', default: false },
  },
});
const { from, to, replace } = values;
if (!from || !to) {
  console.error(usage);
  process.exit(2);
}

/** The URL without its password, for the log. */
function shown(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

for (const url of [from, to]) {
  console.log(`Migrating ${shown(url)}…`);
  const migrated = spawnSync(process.execPath, ['scripts/db-migrate.mjs'], {
    cwd: new URL('..', import.meta.url),
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: url },
  });
  if (migrated.status !== 0) {
    // An SQLite file that a running app holds open fails here with a driver error (SocketTimeout).
    console.error(`Could not migrate ${shown(url)}: is Versus still running on it? Stop it first.`);
    process.exit(migrated.status ?? 1);
  }
}

const started = performance.now();
console.log(`Copying ${shown(from)} → ${shown(to)}…`);
try {
  const copied = await copyDatabase({
    from,
    to,
    replace,
    onTable: ({ model, rows }) => console.log(`  ${model.padEnd(20)} ${String(rows).padStart(9)}`),
  });
  const total = copied.reduce((sum, table) => sum + table.rows, 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Copied ${total} rows in ${copied.length} tables in ${seconds} s; row counts match.`);
} catch (error) {
  console.error(`Nothing was copied: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
