// @vitest-environment jsdom
// jsdom's DOMParser is parse5, which follows the HTML parsing spec as browsers do.
import { createHash } from 'node:crypto';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { previewOfAnswer, previewOfBlock, previewSandbox } from './html-preview';
import { prelude } from './preview-prelude';

/** The preview as the iframe will see it: parsed again from the srcdoc string. */
function reparse(srcdoc: string) {
  const doc = new DOMParser().parseFromString(srcdoc, 'text/html');
  // The policies the head starts with, before anything of the model's.
  const policies: string[] = [];
  for (const meta of doc.head.children) {
    if (meta.getAttribute('http-equiv') !== 'Content-Security-Policy') break;
    policies.push(meta.getAttribute('content') ?? '');
  }
  const policy = policies[0] ?? '';
  const scriptSrc = policy.split('; ').find((directive) => directive.startsWith('script-src '));
  const handlers = [...doc.querySelectorAll('*')].flatMap((element) =>
    [...element.attributes].filter((attribute) => attribute.name.startsWith('on')),
  );
  return {
    doc,
    policies,
    policy,
    sources: new Set(scriptSrc?.split(' ').slice(1)),
    scripts: [...doc.querySelectorAll('script')],
    handlers: handlers.map((attribute) => attribute.value),
  };
}

const hashOf = (text: string) =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const page = `<!DOCTYPE html>
<html lang="en"><head><title>Game</title>
<script>const speed = 3; // é, 🐍
</script></head>
<body onload="start()">
<button onclick="jump(); return false">Jump</button>
<svg><circle r="4" onmouseover="hover()"></circle></svg>
<script type="module">const board = document.getElementById('board');</script>
<script type="application/json" id="levels">{"levels": [1, 2]}</script>
<script src="https://cdn.example/lib.js"></script>
<template><button onclick="pick(this)">Pick</button><script>picked()</script></template>
<canvas id="board"></canvas>
<script>function start() {}</script>
</body></html>`;

describe('a full document', () => {
  it('gets the CSP as the first element of its head, before anything of the model', async () => {
    const srcdoc = await previewOfBlock(page, '');
    expect(srcdoc).toMatch(
      /^<!doctype html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-/,
    );
    expect(srcdoc.match(/<!doctype/gi)).toHaveLength(1);
    const { policies, policy, sources } = reparse(srcdoc);
    expect(policies).toHaveLength(2);
    expect(policy).not.toMatch(/https?:|'self'|\*/);
    const keywords = [...sources].filter((source) => !source.startsWith("'sha256-"));
    expect(keywords).toEqual(["'unsafe-hashes'"]);
    expect(previewSandbox).toBe('allow-scripts');
  });

  it('also refuses every script URL, which an integrity matching a hash would let through', async () => {
    const { policies } = reparse(await previewOfBlock(page, ''));
    // Enforced beside the first: inline code must also pass that one's hashes.
    expect(policies[1]).toBe("script-src 'unsafe-inline'");
  });

  it('starts every script and handler with the prelude and allows exactly their hashes', async () => {
    const { scripts, handlers, sources } = reparse(await previewOfBlock(page, ''));
    const runnable = scripts.filter((script) => !script.type && !script.src);
    const texts = [...runnable.map((script) => script.text), ...handlers];
    // Two classic scripts and the module turned classic; three handlers. The template's content
    // is not in the document tree: checked below.
    expect(runnable).toHaveLength(3);
    expect(handlers).toHaveLength(3);
    for (const text of texts) expect(text.startsWith(prelude)).toBe(true);
    expect(handlers).toContain(`${prelude}jump(); return false`);
    const template = reparse(await previewOfBlock(page, '')).doc.querySelector('template');
    const inTemplate = [
      template?.content.querySelector('script')?.text,
      template?.content.querySelector('button')?.getAttribute('onclick'),
    ];
    expect(inTemplate).toEqual([`${prelude}picked()`, `${prelude}pick(this)`]);
    const expected = new Set([...texts, ...(inTemplate as string[])].map(hashOf));
    expected.add("'unsafe-hashes'");
    expect(sources).toEqual(expected);
  });

  it('leaves data blocks and external scripts alone, unhashed', async () => {
    const { scripts } = reparse(await previewOfBlock(page, ''));
    expect(scripts.find((script) => script.id === 'levels')?.text).toBe('{"levels": [1, 2]}');
    expect(scripts.find((script) => script.src)?.text).toBe('');
  });

  it('turns a module into a strict classic script that runs after the document is parsed', async () => {
    const { doc, scripts } = reparse(await previewOfBlock(page, ''));
    const module = scripts.find((script) => script.text.includes("getElementById('board')"));
    expect(module?.text).toBe(
      `${prelude}(async function(){'use strict';\nconst board = document.getElementById('board');\n})();`,
    );
    expect(module?.getAttribute('type')).toBeNull();
    expect(doc.body.lastElementChild).toBe(module);
  });

  it('allows no script at all when the page has none', async () => {
    const { policy } = reparse(await previewOfBlock('<!doctype html><p onclick="">hi</p>', ''));
    expect(policy).toContain("script-src 'sha256-");
    const { policy: none } = reparse(await previewOfBlock('<!doctype html><p>hi</p>', ''));
    expect(none).toContain("script-src 'none'");
    expect(none).not.toContain('unsafe-hashes');
  });
});

describe('a fragment with companion CSS and JS', () => {
  const answer = (js: string, css = '#c { border: 1px solid }') =>
    `\`\`\`html\n<canvas id="c"></canvas>\n\`\`\`\n\`\`\`css\n${css}\n\`\`\`\n\`\`\`javascript\n${js}\n\`\`\``;

  it('runs the JS as an inline script that starts with the prelude, with its hash allowed', async () => {
    const { doc, scripts, sources } = reparse((await previewOfAnswer(answer('start();'))) ?? '');
    expect(doc.querySelector('canvas#c')).not.toBeNull();
    expect(doc.head.querySelector('style')?.textContent).toBe('#c { border: 1px solid }');
    expect(scripts.map((script) => script.text)).toEqual([`${prelude}start();`]);
    expect(sources).toEqual(new Set([hashOf(`${prelude}start();`)]));
  });

  it('defuses what would end the script or style early, and still matches its hash', async () => {
    const js =
      'const s = "</script><img src=x onerror=leak()>", t = "</SCRIPT >", u = "<!--<script>";';
    const css = 'p::after { content: "</style><script>leak()</script>" }';
    const { doc, scripts, sources, handlers } = reparse(
      (await previewOfAnswer(answer(js, css))) ?? '',
    );
    expect(doc.querySelector('img')).toBeNull();
    expect(handlers).toEqual([]);
    expect(scripts).toHaveLength(1);
    const text = scripts[0]?.text ?? '';
    expect(text).toBe(
      `${prelude}const s = "<\\/script><img src=x onerror=leak()>", t = "<\\/SCRIPT >", u = "<\\!--<script>";`,
    );
    // The escapes change no string the code sees.
    expect(vm.runInNewContext(`${text.slice(prelude.length)} [s, t, u]`)).toEqual([
      '</script><img src=x onerror=leak()>',
      '</SCRIPT >',
      '<!--<script>',
    ]);
    expect(sources).toEqual(new Set([hashOf(text)]));
    expect(doc.head.querySelector('style')?.textContent).toBe(
      'p::after { content: "<\\/style><script>leak()</script>" }',
    );
  });

  it('prefers the last full document, and is null without an HTML block', async () => {
    const full =
      'Try:\n```html\n<p>fragment</p>\n```\nFull game:\n```html\n<!doctype html>\n<html><body>GAME</body></html>\n```\n';
    const srcdoc = (await previewOfAnswer(full)) ?? '';
    expect(srcdoc).toContain('GAME');
    expect(srcdoc).not.toContain('fragment');
    expect(await previewOfAnswer('```python\nprint(1)\n```')).toBeNull();
  });
});

describe('the prelude', () => {
  const rtc = ['RTCPeerConnection', 'webkitRTCPeerConnection', 'RTCIceTransport'];
  const realm = () => {
    const PeerConnection = class {};
    return vm.createContext({
      RTCPeerConnection: PeerConnection,
      webkitRTCPeerConnection: PeerConnection,
      RTCIceTransport: class {},
    });
  };
  const locked = (context: vm.Context) =>
    vm.runInContext(
      // Named without the globals a test script may have shadowed.
      `${JSON.stringify(rtc)}.map((name) => {
        const property = ({}).constructor.getOwnPropertyDescriptor(this, name);
        return [property.value, property.writable, property.configurable];
      })`,
      context,
    );

  it('removes the WebRTC constructors for good, though the script shadows what it might use', () => {
    const context = realm();
    // Lexical declarations are in place (uninitialised) before the prelude runs.
    vm.runInContext(
      `${prelude}let globalThis = 0, self = 0, Object = 0, Reflect = 0, window = 0;`,
      context,
    );
    expect(locked(context)).toEqual(rtc.map(() => [undefined, false, false]));
    vm.runInContext(
      `${prelude}RTCPeerConnection = class {}; delete webkitRTCPeerConnection;`,
      context,
    );
    expect(locked(context)).toEqual(rtc.map(() => [undefined, false, false]));
  });

  it('does the same as the first code of an inline handler', () => {
    const context = realm();
    vm.runInContext(
      `(function () {${prelude}let Object = 0, globalThis = 0;}).call(null)`,
      context,
    );
    expect(locked(context)).toEqual(rtc.map(() => [undefined, false, false]));
  });

  it('never throws, even where the page has broken the builtins it uses', () => {
    const context = realm();
    vm.runInContext(`${prelude}`, context);
    expect(() =>
      vm.runInContext(`Object.defineProperty = () => { throw 1 }; ${prelude}`, context),
    ).not.toThrow();
    expect(locked(context)).toEqual(rtc.map(() => [undefined, false, false]));
  });

  it("turns alert, confirm and prompt into a message to the frame's parent", () => {
    const posted: unknown[] = [];
    const context = realm();
    context.parent = {
      postMessage: (data: unknown, target: string) => posted.push([data, target]),
    };
    const answers = vm.runInContext(
      `${prelude}[alert('Game over'), confirm('Again?'), prompt('Name?'), alert()]`,
      context,
    );
    expect(answers).toEqual([null, false, null, null]);
    expect(posted).toEqual([
      [{ versusPreview: 'alert', text: 'Game over' }, '*'],
      [{ versusPreview: 'confirm', text: 'Again?' }, '*'],
      [{ versusPreview: 'prompt', text: 'Name?' }, '*'],
      [{ versusPreview: 'alert', text: '' }, '*'],
    ]);
  });

  it('does not parse as strict code, so a copy run as a module never runs', () => {
    expect(() => new vm.Script(`'use strict';\n${prelude}`)).toThrow(SyntaxError);
    expect(() => new vm.Script(prelude)).not.toThrow();
    expect(prelude.endsWith(';\n')).toBe(true);
    expect(prelude).not.toMatch(/[<>"&]/);
  });
});
