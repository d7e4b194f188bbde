import type { BackendKind, ModelScript } from './script';

/*
 * What `npm run fake-backends` serves out of the box: the lineup from DESIGN.md, with
 * speeds far enough apart to make the comparison visible. Texts hold non-ASCII ("—", "é",
 * "×", emoji) so that UTF-8 handling is exercised by ordinary use, not only by tests.
 */

const chickensReasoning = `Okay, so I need to find how many chickens and rabbits there are. The problem gives 35 heads and 94 legs. Every animal has one head, so c + r = 35. Chickens have 2 legs and rabbits have 4, so 2c + 4r = 94.

Let me substitute c = 35 − r: 2(35 − r) + 4r = 94, so 70 + 2r = 94, which means r = 12. Then c = 35 − 12 = 23.

Wait, let me double-check: 23 × 2 = 46 and 12 × 4 = 48, and 46 + 48 = 94. Yes, that works.`;

const chickensAnswer = `There are **23 chickens** and **12 rabbits** 🐔🐇.

1. Heads: c + r = 35
2. Legs: 2c + 4r = 94
3. Substituting c = 35 − r gives 70 + 2r = 94, so r = 12 and c = 23.

Check: 23 × 2 + 12 × 4 = 46 + 48 = 94 — correct.`;

const shortChickensReasoning = `Heads give c + r = 35, legs give 2c + 4r = 94. Halving the legs: c + 2r = 47, minus the heads equation: r = 12. So c = 23. Check: 46 + 48 = 94. Good.`;

const acrosticReasoning = `The user wants an acrostic poem. I'll use the word CAFÉ so each line starts with C, A, F and É. The mood should be warm and a little nostalgic — mornings, coffee, friends. The last line needs to start with É; "Éclairs" works nicely. Keep the lines roughly the same length and let them rhyme in pairs.`;

const acrosticAnswer = `Here is an acrostic poem for **CAFÉ** ☕:

**C**ups warm the morning, steam curling slow,
**A**roma of roasted beans drifting low,
**F**riends lean in close over stories retold,
**É**clairs and espresso — small luxuries of gold.`;

const snakeReasoning = `The user wants a snake game that runs in the browser. A single HTML file with a canvas is the simplest thing that works: a grid, a snake as a list of cells, arrow keys to steer, food at a random free cell, and a game loop on setInterval. I should handle collisions with walls and with the snake itself, and show the score. Keep it short — no frameworks.`;

const snakeAnswer = `Here is a complete snake game in one HTML file 🐍 — save it as \`snake.html\` and open it:

\`\`\`html
<canvas id="c" width="400" height="400"></canvas>
<script>
const g = document.getElementById('c').getContext('2d'), n = 20;
let snake = [{x: 10, y: 10}], dir = {x: 1, y: 0}, food = {x: 5, y: 5};
addEventListener('keydown', e => {
  const d = {ArrowUp: [0,-1], ArrowDown: [0,1], ArrowLeft: [-1,0], ArrowRight: [1,0]}[e.key];
  if (d) dir = {x: d[0], y: d[1]};
});
setInterval(() => {
  const head = {x: snake[0].x + dir.x, y: snake[0].y + dir.y};
  if (head.x < 0 || head.y < 0 || head.x >= n || head.y >= n) return location.reload();
  snake.unshift(head);
  if (head.x === food.x && head.y === food.y) food = {x: Math.random() * n | 0, y: Math.random() * n | 0};
  else snake.pop();
  g.fillStyle = '#111'; g.fillRect(0, 0, 400, 400);
  g.fillStyle = '#4ade80'; snake.forEach(s => g.fillRect(s.x * 20, s.y * 20, 18, 18));
  g.fillStyle = '#f87171'; g.fillRect(food.x * 20, food.y * 20, 18, 18);
}, 120);
</script>
\`\`\`

Use the arrow keys to steer; eating the red square makes the snake grow.`;

const llamaAnswer = `Sure! Here's a quick answer — short and sweet 😊

If a farm has 35 heads and 94 legs, think of it this way: give every animal 2 legs first (70 legs), and the 24 legs left over belong to the rabbits, 2 extra each. That makes 12 rabbits and 23 chickens. Voilà!`;

const qwenReasoning = `Okay, let me think about this carefully. ${acrosticReasoning} Let me draft it and check that each line really starts with the right letter.`;

export const defaultCatalog: Record<BackendKind, ModelScript[]> = {
  ollama: [
    {
      id: 'deepseek-r1:7b',
      reasoningStyle: 'field',
      supportsThinking: true,
      tokensPerSecond: 45,
      ttftMs: 250,
      reasoning: chickensReasoning,
      answer: chickensAnswer,
      details: {
        parameterSize: '7.6B',
        quantization: 'Q4_K_M',
        family: 'qwen2',
        sizeBytes: 4_683_075_271,
        contextLength: 131_072,
        digest: '0a8c266910232fd3291e71e5ba1e058cc5af9d411192cf88b6d30e92b6e73163',
      },
    },
    {
      id: 'deepseek-r1:32b',
      reasoningStyle: 'field',
      supportsThinking: true,
      tokensPerSecond: 12,
      ttftMs: 900,
      reasoning: shortChickensReasoning,
      answer: chickensAnswer,
      details: {
        parameterSize: '32.8B',
        quantization: 'Q4_K_M',
        family: 'qwen2',
        sizeBytes: 19_851_337_640,
        contextLength: 131_072,
        // Too big for a 12 GB card: Ollama puts the rest on the CPU, hence its slow tokens/s.
        vramFraction: 0.62,
      },
    },
    {
      id: 'llama3.2:3b',
      reasoningStyle: 'none',
      capabilities: ['completion', 'tools'],
      tokensPerSecond: 90,
      ttftMs: 120,
      answer: llamaAnswer,
      details: {
        parameterSize: '3.2B',
        quantization: 'Q4_K_M',
        family: 'llama',
        sizeBytes: 2_019_393_189,
        contextLength: 131_072,
      },
    },
  ],
  openai: [
    {
      id: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B',
      reasoningStyle: 'closing-tag',
      tokensPerSecond: 30,
      ttftMs: 400,
      reasoning: chickensReasoning,
      answer: chickensAnswer,
      details: {
        parameterSize: '32.8B',
        quantization: 'BF16',
        family: 'qwen2',
        contextLength: 32_768,
      },
    },
    {
      id: 'Qwen/Qwen3-8B',
      reasoningStyle: 'reasoning-field',
      tokensPerSecond: 70,
      ttftMs: 180,
      reasoning: qwenReasoning,
      answer: acrosticAnswer,
      details: {
        parameterSize: '8.2B',
        quantization: 'BF16',
        family: 'qwen3',
        contextLength: 40_960,
      },
    },
  ],
  deepseek: [
    {
      id: 'deepseek-v4-flash',
      reasoningStyle: 'field',
      tokensPerSecond: 60,
      // Long enough for keep-alive comments to show up before the first token.
      ttftMs: 1500,
      reasoning: acrosticReasoning,
      answer: acrosticAnswer,
      details: { contextLength: 131_072 },
    },
    {
      id: 'deepseek-v4-pro',
      reasoningStyle: 'field',
      tokensPerSecond: 35,
      ttftMs: 800,
      reasoning: snakeReasoning,
      answer: snakeAnswer,
      details: { contextLength: 131_072 },
    },
  ],
};

/** Models the fake Ollama's registry has for `/api/pull`, beside the installed ones. */
export const pullableCatalog: ModelScript[] = [
  {
    id: 'qwen2.5:0.5b',
    reasoningStyle: 'none',
    capabilities: ['completion', 'tools'],
    tokensPerSecond: 120,
    ttftMs: 80,
    answer: 'A small, quick answer from a half-billion-parameter model.',
    details: {
      parameterSize: '494.03M',
      quantization: 'Q4_K_M',
      family: 'qwen2',
      sizeBytes: 397_821_319,
      contextLength: 32_768,
      digest: 'c5396e06af294bd101b30dce59131a76d2b773e76950acc870eda801d3ab0515',
    },
  },
  {
    id: 'gemma3:1b',
    reasoningStyle: 'none',
    tokensPerSecond: 95,
    ttftMs: 90,
    details: {
      parameterSize: '999.89M',
      quantization: 'Q4_K_M',
      family: 'gemma3',
      sizeBytes: 815_319_791,
      contextLength: 32_768,
    },
  },
];
