import 'server-only';
import { RUNNING_STATUSES } from '@/lib/api/message-status';
import type { MessageMetrics } from '@/lib/api/views';
import type { ReasoningFormat } from '@/lib/backends/types';
import { db } from './client';
import { databaseProvider, databaseUrl } from './database-url';

/** The partial state of one streaming message, as the checkpointer saves it. */
export interface CheckpointRow extends MessageMetrics {
  id: string;
  attempt: number;
  status: string;
  content: string;
  reasoning: string;
}

/** The final state of one message. A null modelInfo keeps what the row holds. */
export interface FinalRow extends CheckpointRow {
  errorCode: string | null;
  errorMessage: string | null;
  finishReason: string | null;
  modelInfo: string | null;
  /** How the reasoning arrived; null (or left out) when the stream showed none. */
  reasoningFormat?: ReasoningFormat | null;
}

/** PostgreSQL types of the columns these statements read from JSON. */
const TYPES = {
  id: 'text',
  attempt: 'int',
  status: 'text',
  content: 'text',
  reasoning: 'text',
  ttftMs: 'double precision',
  answerTtftMs: 'double precision',
  reasoningMs: 'double precision',
  totalMs: 'double precision',
  loadMs: 'double precision',
  promptTokens: 'int',
  completionTokens: 'int',
  tokensPerSecond: 'double precision',
  countsReported: 'boolean',
  errorCode: 'text',
  errorMessage: 'text',
  finishReason: 'text',
  modelInfo: 'text',
  reasoningFormat: 'text',
} as const;
type Column = keyof typeof TYPES;

/**
 * One UPDATE of many messages from a JSON array of rows: `set` columns take the row's value,
 * `keep` columns too unless it is null, `stamps` take the statement's time, and a message is
 * written only while its `match` columns still equal the row's and, with `running`, while it is
 * still running.
 */
interface Shape {
  set: Column[];
  keep: Column[];
  stamps: string[];
  match: Column[];
  running?: true;
}

/** The running statuses as an SQL list, for statements written by hand. */
export const RUNNING_LIST = RUNNING_STATUSES.map((status) => `'${status}'`).join(', ');

function sqlite({ set, keep, stamps, match, running }: Shape): string {
  const value = (column: Column) => `j.value ->> '$.${column}'`;
  const assignments = [
    ...set.map((column) => `"${column}" = ${value(column)}`),
    ...keep.map((column) => `"${column}" = coalesce(${value(column)}, "Message"."${column}")`),
    ...stamps.map((column) => `"${column}" = ?`),
  ];
  const keys: Column[] = ['id', ...match];
  const where = keys.map((column) => `"Message"."${column}" = ${value(column)}`);
  if (running) where.push(`"Message"."status" IN (${RUNNING_LIST})`);
  return `UPDATE "Message" SET ${assignments.join(', ')} FROM json_each(?) AS j WHERE ${where.join(' AND ')}`;
}

function postgresql({ set, keep, stamps, match, running }: Shape): string {
  const assignments = [
    ...set.map((column) => `"${column}" = j."${column}"`),
    ...keep.map((column) => `"${column}" = coalesce(j."${column}", m."${column}")`),
    ...stamps.map((column) => `"${column}" = $2::timestamp(3)`),
  ];
  const columns: Column[] = ['id', ...match, ...set, ...keep];
  const record = [...new Set(columns)].map((column) => `"${column}" ${TYPES[column]}`);
  const where = ['id', ...match].map((column) => `m."${column}" = j."${column}"`);
  if (running) where.push(`m."status" IN (${RUNNING_LIST})`);
  return `UPDATE "Message" AS m SET ${assignments.join(', ')} FROM json_to_recordset($1::json) AS j(${record.join(', ')}) WHERE ${where.join(' AND ')}`;
}

const METRICS: Column[] = [
  'ttftMs',
  'answerTtftMs',
  'reasoningMs',
  'totalMs',
  'loadMs',
  'promptTokens',
  'completionTokens',
  'tokensPerSecond',
  'countsReported',
];

// A checkpoint never overwrites a final write (status) or a retry (attempt).
const CHECKPOINT: Shape = {
  set: ['content', 'reasoning', ...METRICS],
  keep: [],
  stamps: ['heartbeatAt', 'updatedAt'],
  match: ['attempt', 'status'],
};

// A final write never overrides another final state: a Stop recorded by another instance wins.
const FINAL: Shape = {
  set: [
    'status',
    'content',
    'reasoning',
    ...METRICS,
    'errorCode',
    'errorMessage',
    'finishReason',
    'reasoningFormat',
  ],
  keep: ['modelInfo'],
  stamps: ['finishedAt', 'heartbeatAt', 'updatedAt'],
  match: ['attempt'],
  running: true,
};

const STATEMENTS = {
  checkpoint: { shape: CHECKPOINT, sqlite: sqlite(CHECKPOINT), postgresql: postgresql(CHECKPOINT) },
  final: { shape: FINAL, sqlite: sqlite(FINAL), postgresql: postgresql(FINAL) },
};

// One statement for every message: through Prisma, one update per message cost ~0.3 ms of the
// only thread that also relays tokens (98 ms for 300 streams, each second), plus a commit each.
function write(kind: keyof typeof STATEMENTS, rows: object[], at: Date): Promise<number> {
  const { shape, ...sql } = STATEMENTS[kind];
  const json = JSON.stringify(rows);
  if (databaseProvider(databaseUrl()) === 'sqlite') {
    // Prisma stores SQLite DateTime as ISO text with an explicit offset; keep the same format.
    const stamp = at.toISOString().replace('Z', '+00:00');
    return db.$executeRawUnsafe(sql.sqlite, ...shape.stamps.map(() => stamp), json);
  }
  return db.$executeRawUnsafe(sql.postgresql, json, at.toISOString().replace('Z', ''));
}

/** Saves the partial state of many streaming messages; returns how many were updated. */
export function writeCheckpoints(rows: CheckpointRow[], at: Date): Promise<number> {
  return write('checkpoint', rows, at);
}

/** Saves the final state of many messages; returns how many were updated. */
export function writeFinals(rows: FinalRow[], at: Date): Promise<number> {
  return write('final', rows, at);
}
