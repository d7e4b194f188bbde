// Looking at the app's SQLite file from outside: counting committed transactions in its WAL,
// and seeding a long conversation straight into its tables (prisma/sqlite/schema.prisma).
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

/**
 * Committed transactions in the WAL since it was last reset. A WAL frame is a 24-byte header
 * plus one page; a commit frame carries the database size after the commit (non-zero), and
 * frames of the current WAL generation carry the salts of the WAL header.
 * @param {string} databaseFile
 * @returns {{ commits: number, frames: number, salt: string }}
 */
export function walCommits(databaseFile) {
  const file = `${databaseFile}-wal`;
  if (!existsSync(file)) return { commits: 0, frames: 0, salt: '' };
  const wal = readFileSync(file);
  if (wal.length < 32) return { commits: 0, frames: 0, salt: '' };
  const pageSize = wal.readUInt32BE(8);
  const salt1 = wal.readUInt32BE(16);
  const salt2 = wal.readUInt32BE(20);
  let commits = 0;
  let frames = 0;
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    if (wal.readUInt32BE(at + 8) !== salt1 || wal.readUInt32BE(at + 12) !== salt2) break;
    frames += 1;
    if (wal.readUInt32BE(at + 4) !== 0) commits += 1;
  }
  return { commits, frames, salt: `${salt1}.${salt2}` };
}

const id = () => randomBytes(12).toString('base64url');
/** Prisma's SQLite DateTime text. */
const iso = (/** @type {number} */ ms) => new Date(ms).toISOString().replace('Z', '+00:00');

const paragraph =
  'The answer works the problem through in order: it restates what is given, sets up the two equations, solves them by substitution and checks the result against both conditions. ';
const reasoningText =
  'Let me think about this carefully. Heads give one equation and legs give another; substituting one into the other leaves a single unknown. ';

/**
 * A conversation of `turns` turns × `slots` columns, every message done, with realistic
 * lengths (about 1.8 KB of answer with Markdown and 0.7 KB of reasoning per message).
 * @param {import('better-sqlite3').Database} db
 * @param {{ turns: number, slots: number, ownerId: string, backendId: string }} shape
 * @returns {string} the conversation id
 */
export function seedConversation(db, { turns, slots, ownerId, backendId }) {
  const conversationId = id();
  const start = Date.now() - turns * 60_000;
  const content = `## Result\n\n${paragraph.repeat(6)}\n\n\`\`\`python\nprint(23, 12)\n\`\`\`\n\n${paragraph.repeat(3)}`;
  const reasoning = reasoningText.repeat(5);
  const insert = {
    conversation: db.prepare(
      "INSERT INTO \"Conversation\" (id, ownerId, mode, runMode, title, createdAt, updatedAt) VALUES (?, ?, 'compare', 'parallel', ?, ?, ?)",
    ),
    slot: db.prepare(
      'INSERT INTO "Slot" (id, conversationId, position, backendId, model, params) VALUES (?, ?, ?, ?, ?, \'{}\')',
    ),
    turn: db.prepare(
      'INSERT INTO "Turn" (id, conversationId, "index", prompt, createdAt) VALUES (?, ?, ?, ?, ?)',
    ),
    message: db.prepare(
      `INSERT INTO "Message" (id, turnId, slotId, attempt, status, content, reasoning, finishReason,
        params, modelInfo, ttftMs, reasoningMs, totalMs, promptTokens, completionTokens,
        tokensPerSecond, countsReported, startedAt, finishedAt, heartbeatAt, createdAt, updatedAt)
       VALUES (?, ?, ?, 1, 'done', ?, ?, 'stop', '{}', '{}', 412.5, 1830.2, 14250.8, 120, 480, 34.2, 1, ?, ?, ?, ?, ?)`,
    ),
  };
  db.transaction(() => {
    insert.conversation.run(
      conversationId,
      ownerId,
      `Long: ${turns} turns`,
      iso(start),
      iso(Date.now()),
    );
    const slotIds = Array.from({ length: slots }, (_, position) => {
      const slotId = id();
      insert.slot.run(slotId, conversationId, position, backendId, `bench-long-${position}`);
      return slotId;
    });
    for (let index = 0; index < turns; index++) {
      const turnId = id();
      const at = start + index * 60_000;
      insert.turn.run(
        turnId,
        conversationId,
        index,
        `Question ${index}: how many chickens?`,
        iso(at),
      );
      for (const slotId of slotIds) {
        const t = iso(at + 15_000);
        insert.message.run(id(), turnId, slotId, content, reasoning, iso(at), t, t, iso(at), t);
      }
    }
  })();
  return conversationId;
}

/**
 * The physical limit for opening a conversation: the same rows, read and serialized here.
 * @param {import('better-sqlite3').Database} db
 * @param {string} conversationId
 */
export function readConversationDirect(db, conversationId) {
  const conversation = db.prepare('SELECT * FROM "Conversation" WHERE id = ?').get(conversationId);
  const slots = db
    .prepare(
      'SELECT s.*, b.kind, b.label FROM "Slot" s JOIN "Backend" b ON b.id = s.backendId WHERE s.conversationId = ? ORDER BY s.position',
    )
    .all(conversationId);
  const turns = db
    .prepare('SELECT * FROM "Turn" WHERE conversationId = ? ORDER BY "index"')
    .all(conversationId);
  const messages = db
    .prepare(
      'SELECT m.* FROM "Message" m JOIN "Turn" t ON t.id = m.turnId WHERE t.conversationId = ?',
    )
    .all(conversationId);
  return JSON.stringify({ conversation, slots, turns, messages }).length;
}
