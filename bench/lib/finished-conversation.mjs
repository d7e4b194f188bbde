// A conversation as users leave it, for the page scenarios: three reasoning models on the three
// backend kinds, three finished turns with formulas, a table, a code block, one failed answer
// and the speed summary under each turn.
import { createConversation, postTurn } from './clients.mjs';
import { scriptModel } from './fakes.mjs';
import { request } from './http.mjs';
import { sleep } from './stats.mjs';

const lineup = /** @type {const} */ ([
  { kind: 'ollama', backendId: 'ollama', model: 'bench-r1:7b', style: 'think-tags' },
  { kind: 'openai', backendId: 'openai', model: 'bench-R1-Distill-Qwen-32B', style: 'closing-tag' },
  { kind: 'deepseek', backendId: 'deepseek', model: 'bench-reasoner', style: 'field' },
]);

const mathAnswer = `Let $c$ be the chickens and $r$ the rabbits:

$$
\\begin{aligned}
c + r &= 35 \\\\
2c + 4r &= 94
\\end{aligned}
$$

Subtracting twice the first from the second gives $2r = 24$, so $r = 12$ and $c = 23$.

| animal | count | legs |
|---|--:|--:|
| chickens | 23 | 46 |
| rabbits | 12 | 48 |
| **total** | **35** | **94** |

$$\\boxed{23 \\text{ chickens}, 12 \\text{ rabbits}}$$`;

const codeAnswer = `A game loop on a \`<canvas>\`: the snake is an array of cells, a timer moves it.

\`\`\`js
const size = 20;
const canvas = document.querySelector('canvas');
const context = canvas.getContext('2d');
let snake = [{ x: 10, y: 10 }];
let direction = { x: 1, y: 0 };
let food = place();

function place() {
  return { x: Math.floor(Math.random() * size), y: Math.floor(Math.random() * size) };
}

document.addEventListener('keydown', (event) => {
  const turns = {
    ArrowUp: { x: 0, y: -1 },
    ArrowDown: { x: 0, y: 1 },
    ArrowLeft: { x: -1, y: 0 },
    ArrowRight: { x: 1, y: 0 },
  };
  const next = turns[event.key];
  if (next && next.x !== -direction.x && next.y !== -direction.y) direction = next;
});

function step() {
  const head = { x: snake[0].x + direction.x, y: snake[0].y + direction.y };
  const dead =
    head.x < 0 || head.y < 0 || head.x >= size || head.y >= size ||
    snake.some((cell) => cell.x === head.x && cell.y === head.y);
  if (dead) {
    snake = [{ x: 10, y: 10 }];
    direction = { x: 1, y: 0 };
    return;
  }
  snake.unshift(head);
  if (head.x === food.x && head.y === food.y) food = place();
  else snake.pop();
}

function draw() {
  context.fillStyle = '#111';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#22c55e';
  for (const cell of snake) context.fillRect(cell.x * 16, cell.y * 16, 15, 15);
  context.fillStyle = '#f43f5e';
  context.fillRect(food.x * 16, food.y * 16, 15, 15);
}

setInterval(() => {
  step();
  draw();
}, 120);
\`\`\`

1. Arrow keys turn the snake; it cannot reverse into itself.
2. Eating the food grows it by one cell.
3. Hitting a wall or itself starts over.`;

const poemAnswer = `**S**wift tokens race across the wire,
**P**acked in streams that never tire,
**E**ach model thinks, then starts to write,
**E**very column lit up bright,
**D**one — and one was twice as quick.`;

const reasoning = [
  'The user wants a worked answer. First restate the problem in my own words,',
  'then set up the unknowns, check the arithmetic twice, and keep the final answer short.',
  'I should show the steps so the reader can follow them, and end with a clear result.',
].join('\n');

/** Per turn: its prompt and each column's answer; `fail` makes that column fail mid-answer. */
const turns = [
  {
    prompt: 'A farm has chickens and rabbits: 35 heads and 94 legs. How many of each?',
    answers: [mathAnswer, mathAnswer, mathAnswer],
  },
  {
    prompt: 'Write an acrostic poem about SPEED, one line per letter.',
    answers: [poemAnswer, poemAnswer, poemAnswer],
    fail: 0,
  },
  {
    prompt: 'Write a snake game that runs in the browser.',
    answers: [codeAnswer, codeAnswer, codeAnswer],
  },
];

/**
 * @param {string} appUrl
 * @param {string} id
 */
async function latestTurnFinished(appUrl, id) {
  const res = await request(`${appUrl}/api/conversations/${id}`);
  if (res.status !== 200) throw new Error(`conversation ${id}: HTTP ${res.status}`);
  /** @type {Array<{ messages: Array<{ status: string }> }>} */
  const all = res.json.conversation.turns;
  return all.at(-1)?.messages.every((m) => !['pending', 'streaming'].includes(m.status)) ?? false;
}

/**
 * Creates the conversation and runs its turns to the end; resolves with its id.
 * @param {string} appUrl
 * @param {import('./fakes.mjs').FakeUrls} fakeUrls
 */
export async function finishedConversation(appUrl, fakeUrls) {
  /** @type {string | null} */
  let id = null;
  for (const [index, turn] of turns.entries()) {
    await Promise.all(
      lineup.map((slot, position) =>
        scriptModel(fakeUrls, slot.kind, {
          id: slot.model,
          tokensPerSecond: 2000 + position * 500,
          ttftMs: 20 + position * 10,
          reasoningStyle: slot.style,
          reasoning,
          answer: turn.answers[position] ?? '',
          ...(turn.fail === position
            ? {
                fault: { kind: 'error-mid-stream', afterTokens: 20, message: 'CUDA out of memory' },
              }
            : {}),
        }),
      ),
    );
    if (index === 0) {
      // A fresh listing, so the app knows the models just scripted.
      await request(`${appUrl}/api/backends?fresh=1`);
      id = (
        await createConversation(
          appUrl,
          lineup.map(({ backendId, model }) => ({ backendId, model })),
        )
      ).id;
    }
    if (!id) throw new Error('no conversation');
    await postTurn(appUrl, id, turn.prompt);
    const deadline = Date.now() + 60_000;
    while (!(await latestTurnFinished(appUrl, id))) {
      if (Date.now() > deadline) throw new Error(`turn ${index + 1} of ${id} did not finish`);
      await sleep(100);
    }
  }
  if (!id) throw new Error('no conversation');
  return id;
}
