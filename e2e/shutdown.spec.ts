import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { scriptModel, uniqueModel, words } from './support/fakes';
import { ownApp } from './support/own-app';

// A second app process of its own, so the one the other specs use keeps running.
const database = 'data/e2e-shutdown.db';
const own = ownApp({ portOffset: 20, database });
const { base } = own;

async function startApp() {
  own.removeDatabase();
  return own.start();
}

/** Reads an SSE stream until it ends; returns the answer text and the last event. */
async function follow(messageId: string) {
  const response = await fetch(`${base}/api/messages/${messageId}/events`);
  const text = await response.text().catch(() => '');
  let content = '';
  let last: { type: string; status?: string } | undefined;
  for (const [, data] of text.matchAll(/^data: (.*)$/gm)) {
    const event = JSON.parse(data ?? '{}') as { type: string; text?: string; content?: string };
    if (event.type === 'snapshot') content = event.content ?? '';
    if (event.type === 'content') content += event.text ?? '';
    last = event;
  }
  return { content, last };
}

test('SIGTERM saves every running answer as interrupted, tells its readers, and exits', async ({
  request,
}) => {
  test.setTimeout(120_000);
  const model = uniqueModel('shutdown');
  // Slow enough to be mid-answer when the signal comes, with several checkpoints' worth of text.
  await scriptModel(request, 'openai', {
    id: model,
    tokensPerSecond: 40,
    ttftMs: 20,
    answer: words(400),
  });
  const app = await startApp();
  try {
    const created = await fetch(`${base}/api/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        lineup: [
          { backendId: 'openai', model },
          { backendId: 'openai', model },
        ],
      }),
    });
    const { conversation } = (await created.json()) as { conversation: { id: string } };
    const posted = await fetch(`${base}/api/conversations/${conversation.id}/turns`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'go' }),
    });
    expect(posted.status).toBe(201);
    const { turn } = (await posted.json()) as { turn: { messages: { id: string }[] } };
    const ids = turn.messages.map((message) => message.id);
    const readers = ids.map(follow);
    // Between two checkpoints (one a second): a process killed now would lose text.
    await new Promise((resolve) => setTimeout(resolve, 2_500));

    const exited = new Promise<number | null>((resolve) => app.once('exit', resolve));
    const signalled = performance.now();
    app.kill('SIGTERM');
    expect(await exited).toBe(0);
    const stopMs = performance.now() - signalled;
    expect(stopMs).toBeLessThan(5_000);

    const seen = await Promise.all(readers);
    const db = new Database(database, { readonly: true });
    try {
      for (const [index, id] of ids.entries()) {
        const row = db
          .prepare('SELECT status, content, errorCode FROM Message WHERE id = ?')
          .get(id) as { status: string; content: string; errorCode: string };
        expect(row.status).toBe('interrupted');
        expect(row.errorCode).toBe('interrupted');
        expect(row.content).toMatch(/^word0 word1 word2/);
        // Everything the reader was sent is saved: the final save, not the last checkpoint.
        expect(row.content).toBe(seen[index]?.content);
        expect(seen[index]?.last).toMatchObject({ type: 'done', status: 'interrupted' });
      }
    } finally {
      db.close();
    }
  } finally {
    if (app.exitCode === null) app.kill('SIGKILL');
    own.removeDatabase();
  }
});
