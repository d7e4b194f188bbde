/** Model answers the rendering specs script into the fake backends. */

export const richAnswer = `## Chickens and rabbits

Let $c$ be the chickens and $r$ the rabbits. Heads and legs give two equations:

$$
\\begin{aligned}
c + r &= 35 \\\\
2c + 4r &= 94
\\end{aligned}
$$

Subtracting twice the first from the second, \\(2r = 24\\), so:

\\[ \\boxed{r = 12,\\ c = 23} \\]

| animal | count | legs |
|---|--:|--:|
| chickens | 23 | 46 |
| rabbits | 12 | 48 |
| **total** | **35** | **94** |

Check it in Python:

\`\`\`python
def solve(heads: int, legs: int) -> tuple[int, int]:
    rabbits = (legs - 2 * heads) // 2  # each rabbit adds two legs
    return heads - rabbits, rabbits

print(solve(35, 94))  # (23, 12)
\`\`\`

- [x] two equations
- [x] one unknown eliminated
- [ ] a [general formula](https://en.wikipedia.org/wiki/System_of_linear_equations)
`;

/**
 * A snake game that moves by itself and turns with the arrow keys, plus a probe that tries to
 * reach out of its sandbox and writes what happened into #probe.
 */
export function snakeGame({ colour, fragment }: { colour: string; fragment: boolean }) {
  const css = `body { margin: 0; display: grid; place-items: center; min-height: 100vh; background: #111827; font: 12px system-ui; color: #9ca3af; }
canvas { background: #030712; border: 2px solid #374151; border-radius: 6px; }
#probe { position: fixed; left: 6px; bottom: 4px; margin: 0; font-size: 10px; white-space: pre-wrap; }`;
  const js = `const canvas = document.getElementById('board');
const ctx = canvas.getContext('2d');
const size = 16, cells = 20;
let snake = [{ x: 5, y: 10 }, { x: 4, y: 10 }, { x: 3, y: 10 }];
let dir = { x: 1, y: 0 };
let food = { x: 12, y: 7 };
window.direction = 'right';
const turns = { ArrowUp: [0, -1, 'up'], ArrowDown: [0, 1, 'down'], ArrowLeft: [-1, 0, 'left'], ArrowRight: [1, 0, 'right'] };
document.addEventListener('keydown', (event) => {
  const turn = turns[event.key];
  if (!turn) return;
  event.preventDefault();
  dir = { x: turn[0], y: turn[1] };
  window.direction = turn[2];
});
function step() {
  const head = { x: (snake[0].x + dir.x + cells) % cells, y: (snake[0].y + dir.y + cells) % cells };
  snake.unshift(head);
  if (head.x === food.x && head.y === food.y) food = { x: (food.x * 7 + 3) % cells, y: (food.y * 5 + 1) % cells };
  else snake.pop();
  ctx.fillStyle = '#030712';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#f43f5e';
  ctx.fillRect(food.x * size + 2, food.y * size + 2, size - 4, size - 4);
  ctx.fillStyle = '${colour}';
  for (const part of snake) ctx.fillRect(part.x * size + 1, part.y * size + 1, size - 2, size - 2);
}
setInterval(step, 80);
step();

// What an escaping preview would try.
const probe = {};
const attempt = (name, action) => {
  try { const value = action(); probe[name] = value === undefined || value === null ? 'blocked' : 'LEAKED: ' + String(value).slice(0, 40); }
  catch (error) { probe[name] = 'blocked'; }
};
attempt('parentDocument', () => parent.document.title);
attempt('cookie', () => document.cookie || null);
attempt('localStorage', () => localStorage.getItem('versus-secret') ?? 'reachable');
attempt('popup', () => window.open('https://example.com/popup'));
attempt('topNavigation', () => { top.location.href = '/?escaped=1'; });
fetch('/api/conversations').then(
  (response) => { probe.fetch = 'LEAKED: HTTP ' + response.status; },
  () => { probe.fetch = 'blocked'; },
).finally(() => {
  document.getElementById('probe').textContent = JSON.stringify(probe);
});`;
  const body = `<canvas id="board" width="320" height="320" tabindex="0"></canvas>
<pre id="probe"></pre>`;
  if (fragment) {
    return `Here is a snake game in three parts.

\`\`\`html
${body}
\`\`\`

\`\`\`css
${css}
\`\`\`

\`\`\`javascript
${js}
\`\`\`

Use the arrow keys.`;
  }
  return `Here is a complete snake game:

\`\`\`html
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Snake</title>
<style>
${css}
</style>
</head>
<body>
${body}
<script>
${js}
</script>
</body>
</html>
\`\`\`

Open it and use the arrow keys.`;
}

/** Markdown that tries every way into the app's DOM; each payload would set window.__pwned. */
export const hostileAnswer = [
  'Hostile corpus.',
  '<script>window.__pwned = "script"</script>',
  '<img src="http://127.0.0.1:9/leak-img" onerror="window.__pwned = \'onerror\'">',
  '<iframe src="http://127.0.0.1:9/leak-iframe" onload="window.__pwned = \'iframe\'"></iframe>',
  '<svg><script>window.__pwned = "svg"</script></svg>',
  '<svg onload="window.__pwned = \'svg-onload\'"><circle r="5"/></svg>',
  '<a href="javascript:window.__pwned=\'raw-link\'">raw link</a>',
  "[md link](javascript:window.__pwned='md-link')",
  "[entity link](&#106;avascript:window.__pwned='entity')",
  "[encoded](jav&#x09;ascript:window.__pwned='tab')",
  '[data link](data:text/html,<script>window.__pwned=1</script>)',
  '![pixel](http://127.0.0.1:9/leak-pixel.png)',
  '![broken](x" onerror="window.__pwned=\'md-img\')',
  '<details open ontoggle="window.__pwned = \'details\'">x</details>',
  '<style>body { background: url(http://127.0.0.1:9/leak-css) }</style>',
  '<object data="http://127.0.0.1:9/leak-object"></object>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=\'mxss\'">',
  '&lt;script&gt;window.__pwned = "entities"&lt;/script&gt;',
  '$\\href{javascript:window.__pwned=1}{katex link}$ and $\\url{http://127.0.0.1:9/leak-katex}$',
  '```html\n<script>window.__pwned = "code"</script>\n```',
  'End of corpus.',
].join('\n\n');
