// Scenario 8: what the request gate costs per request, in single-user mode (the local user,
// cached) and in accounts mode (a session cookie looked up in the database, or an API token),
// with and without an ownership check, and one step of the database rate limit. Needs neither
// the app nor the fakes: `node bench/scenarios/gate.mjs [--quick]` runs it alone. Each mode runs
// in a child process of its own (bench/lib/gate-measure.mjs, under tsx), both on one freshly
// migrated SQLite file, or on BENCH_GATE_DATABASE_URL (a PostgreSQL database) when set.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { root } from '../../scripts/lib.mjs';
import { summary } from '../lib/stats.mjs';

/** @param {string} databaseUrl */
function migrate(databaseUrl) {
  execFileSync(process.execPath, ['scripts/db-migrate.mjs'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: 'pipe',
  });
}

/**
 * Both modes use one database: the local user's rows do not change what an account's request
 * reads, nor the other way round.
 * @param {'single-user' | 'accounts'} mode
 * @param {number} samples
 * @param {string} databaseUrl
 */
function measure(mode, samples, databaseUrl) {
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    VERSUS_AUTH: mode,
    VERSUS_ALLOWED_HOSTS: '127.0.0.1',
    VERSUS_AUTH_SECRET: 'bench-secret-of-at-least-thirty-two-characters',
    NODE_ENV: 'production',
  };
  const out = execFileSync(
    process.execPath,
    [
      '--conditions=react-server',
      '--import',
      'tsx',
      'bench/lib/gate-measure.mjs',
      mode,
      String(samples),
    ],
    { cwd: root, env, encoding: 'utf8', maxBuffer: 16 * 2 ** 20 },
  );
  return JSON.parse(out);
}

/** @param {{ quick?: boolean }} [ctx] @returns {Promise<import('../run.mjs').ScenarioResult>} */
export async function gateScenario(ctx = {}) {
  const samples = ctx.quick ? 200 : 500;
  const load = os.loadavg()[0]?.toFixed(2);
  const dir = mkdtempSync(join(os.tmpdir(), 'versus-bench-gate-'));
  const shared = process.env.BENCH_GATE_DATABASE_URL;
  const databaseUrl = shared ?? `file:${join(dir, 'gate.db')}`;
  try {
    migrate(databaseUrl);
    const single = measure('single-user', samples, databaseUrl);
    const accounts = measure('accounts', samples, databaseUrl);
    /** @type {Array<[string, { roundTrips: number[], inGate: number[] }]>} */
    const cases = [
      ['single-user, GET /api/conversations', single.results.list],
      ['single-user, GET /api/conversations/:id (ownership)', single.results.owned],
      ['accounts, session cookie, GET /api/conversations', accounts.results.list],
      ['accounts, session cookie, GET /api/conversations/:id (ownership)', accounts.results.owned],
      ['accounts, API token, GET /api/conversations', accounts.results.token],
    ];
    const rows = cases.flatMap(([name, measured]) => [
      { metric: `${name}: in the gate (ms)`, summary: summary(measured.inGate) },
      { metric: '  round trip (ms)', summary: summary(measured.roundTrips) },
    ]);
    rows.push(
      {
        metric: "accounts: better-auth's getSession alone, in process (ms)",
        summary: summary(accounts.results.getSession),
      },
      {
        metric: '  its database reads alone (session by token, with its user) (ms)',
        summary: summary(accounts.results.sessionQuery),
      },
      {
        metric: 'rate limit, one step (one upsert), in process (ms)',
        summary: summary(accounts.results.rateLimit),
      },
    );
    const p50 = (/** @type {number[]} */ values) => summary(values).p50 ?? 0;
    const sessionCost = p50(accounts.results.list.inGate) - p50(single.results.list.inGate);
    const ownershipCost = p50(accounts.results.owned.inGate) - p50(accounts.results.list.inGate);
    return {
      id: '8',
      title: 'The request gate per request: single-user vs accounts (session lookup, ownership)',
      runs: samples,
      rows,
      targets: [
        {
          name: 'what a session lookup adds in the gate, p50 (accounts − single-user)',
          value: `${sessionCost.toFixed(2)} ms`,
          met: 'none',
        },
        {
          name: 'what the ownership check adds in the gate, p50 (accounts)',
          value: `${ownershipCost.toFixed(2)} ms`,
          met: 'none',
        },
      ],
      notes: [
        `${samples} requests per case after 100 uncounted, one at a time on one keep-alive connection, through lib/http/gate.ts in front of a stand-in for Next.js that answers 204 (bench/lib/gate-measure.mjs). "In the gate": from the request's arrival in the HTTP server to the handler the gate hands it to (Host, route, Origin, body checks, who is asking, ownership, the voter cookie).`,
        `Database: ${shared ? 'BENCH_GATE_DATABASE_URL' : 'a fresh SQLite file (WAL)'}. Load average when the scenario started: ${load} on ${os.cpus().length} cores.`,
      ],
      data: { single, accounts },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes('--quick');
  const result = await gateScenario({ quick });
  const { data, ...shown } = result;
  console.log(JSON.stringify(shown, null, 2));
}
