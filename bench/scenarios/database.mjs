// Scenario 6: database writes per streaming message per second, and the time to open a
// conversation of 200 turns × 4 columns. The app is not touched: writes are seen from outside,
// (a) per row, by polling each message's updatedAt (Prisma sets it on every update) every
// 20 ms, and (b) per transaction, by counting commit frames in the SQLite WAL.
import Database from 'better-sqlite3';
import { createConversation, followMessages, postTurn } from '../lib/clients.mjs';
import { scriptModel } from '../lib/fakes.mjs';
import { request } from '../lib/http.mjs';
import { readConversationDirect, seedConversation, walCommits } from '../lib/sqlite.mjs';
import { DATABASE_FILE } from '../lib/stack.mjs';
import { now, sleep, summary } from '../lib/stats.mjs';
import { numberedAnswer } from '../lib/tokens.mjs';
import { le } from './latency.mjs';

const SLOTS = 4;
const POLL_MS = 20;

/** @param {import('../run.mjs').Context} ctx */
export async function databaseScenario(ctx) {
  const db = new Database(DATABASE_FILE, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  try {
    const writes = await measureWrites(ctx, db);
    const open = await measureOpen(ctx, db);
    const perMessage = writes.rowWritesPerSecond;
    return {
      id: '6',
      title: 'Database',
      runs: 1,
      rows: [
        { metric: 'row writes per streaming message per second', summary: perMessage },
        {
          metric: 'transactions per second while streaming (all messages)',
          value: writes.commitsPerSecond,
          n: writes.commits,
        },
        {
          metric: `open a ${open.turns} × ${SLOTS} conversation, GET /api/conversations/:id (ms)`,
          app: open.app,
          direct: open.direct,
          added: null,
        },
        { metric: 'its answer (KB)', value: open.kb },
      ],
      targets: [
        {
          name: 'writes per streaming message per second ≤ 2 (max over messages)',
          value: perMessage.max,
          met: le(perMessage.max, 2),
        },
        {
          name: `open ${open.turns} × ${SLOTS} conversation (p95)`,
          value: `${open.app.p95} ms (direct read ${open.direct.p95} ms, ×${open.ratio})`,
          met: 'none',
        },
      ],
      notes: [
        `${writes.messages} messages streaming together (${writes.tokens} tokens at 20 tok/s each). Row writes: distinct updatedAt values seen while a message was streaming, over its streaming time (the poll can miss two writes less than ${POLL_MS} ms apart, so this is a lower bound; the WAL count bounds it from above: ${writes.commits} commits in ${writes.seconds} s, ${writes.walNote}).`,
        'Opening: Versus’s API answer against the same rows read with better-sqlite3 and serialized to JSON in this process (the floor for any server).',
      ],
      data: { writes, open },
    };
  } finally {
    db.close();
  }
}

/**
 * @param {import('../run.mjs').Context} ctx
 * @param {import('better-sqlite3').Database} db
 */
async function measureWrites(ctx, db) {
  const tokens = ctx.quick ? 60 : 200;
  const conversations = ctx.quick ? 1 : 2;
  const models = Array.from({ length: SLOTS }, (_, i) => `bench-db-${i}`);
  for (const id of models) {
    await scriptModel(ctx.fakeUrls, 'openai', {
      id,
      tokensPerSecond: 20,
      ttftMs: 200,
      answer: numberedAnswer(tokens),
    });
  }
  const lineup = models.map((model) => ({ backendId: 'openai', model }));
  const created = [];
  for (let i = 0; i < conversations; i++)
    created.push(await createConversation(ctx.appUrl, lineup));
  await sleep(1500);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const before = walCommits(DATABASE_FILE);
  const started = now();
  const turns = await Promise.all(
    created.map((c, i) => postTurn(ctx.appUrl, c.id, `db writes ${i}`)),
  );
  const ids = turns.flatMap((turn) => turn.messageIds);
  const follow = Promise.all(
    turns.map((turn) => followMessages(ctx.appUrl, turn.messageIds, started)),
  );
  /** @type {Map<string, { seen: Set<string>, first: number, last: number, done: boolean }>} */
  const rows = new Map(ids.map((id) => [id, { seen: new Set(), first: 0, last: 0, done: false }]));
  const select = db.prepare(
    `SELECT id, status, updatedAt FROM "Message" WHERE id IN (${ids.map(() => '?').join(',')})`,
  );
  let finished = false;
  void follow.then(() => {
    finished = true;
  });
  while (!finished) {
    const t = now();
    for (const row of /** @type {Array<{ id: string, status: string, updatedAt: string }>} */ (
      select.all(...ids)
    )) {
      const state = rows.get(row.id);
      if (!state || row.status !== 'streaming') continue;
      if (!state.first) state.first = t;
      state.last = t;
      state.seen.add(row.updatedAt);
    }
    await sleep(POLL_MS);
  }
  await follow;
  await sleep(300);
  const after = walCommits(DATABASE_FILE);
  const seconds = (now() - started) / 1000;
  // The first value seen is the write that set `streaming`; every later one is a checkpoint.
  const perSecond = [...rows.values()].map((r) => (r.seen.size - 1) / ((r.last - r.first) / 1000));
  const restarted = before.salt !== '' && before.salt !== after.salt;
  return {
    messages: ids.length,
    tokens,
    rowWritesPerSecond: summary(perSecond),
    commits: after.commits,
    seconds: Math.round(seconds * 10) / 10,
    commitsPerSecond: Math.round((after.commits / seconds) * 100) / 100,
    walNote: restarted
      ? 'the WAL restarted meanwhile, so that count is partial'
      : 'including the turn’s own transaction, the status updates and the final writes',
  };
}

/**
 * @param {import('../run.mjs').Context} ctx
 * @param {import('better-sqlite3').Database} db
 */
async function measureOpen(ctx, db) {
  const turns = 200;
  const conversationId = seedConversation(db, {
    turns,
    slots: SLOTS,
    ownerId: 'local',
    backendId: 'openai',
  });
  ctx.shared.longConversationId = conversationId;
  const url = `${ctx.appUrl}/api/conversations/${conversationId}`;
  const check = await request(url);
  const count = check.json?.conversation?.turns?.length;
  if (check.status !== 200 || count !== turns)
    throw new Error(`long conversation: ${check.status}, ${count} turns`);
  const samples = ctx.quick ? 3 : 15;
  /** @type {number[]} */
  const app = [];
  /** @type {number[]} */
  const direct = [];
  for (let i = 0; i < samples; i++) {
    app.push((await request(url)).ms);
    const t = now();
    readConversationDirect(db, conversationId);
    direct.push(now() - t);
  }
  const a = summary(app);
  const d = summary(direct);
  return {
    turns,
    app: a,
    direct: d,
    ratio: a.p95 && d.p95 ? Math.round((a.p95 / d.p95) * 10) / 10 : null,
    kb: Math.round(check.text.length / 1024),
  };
}
