import dgram from 'node:dgram';
import http from 'node:http';
import { expect, type Frame, type Locator, type Page, test } from '@playwright/test';
import { E2E } from './ports';
import { exfiltrationProbe, snakeGame } from './support/answers';
import { ComparePage } from './support/compare-page';
import { scriptModel, startComparison, uniqueModel } from './support/fakes';

// Listeners a leaking preview would reach, on loopback, beside the stack's own ports.
const ports = {
  stun: E2E.ports.app + 40,
  turn: E2E.ports.app + 41,
  http: E2E.ports.app + 42,
  quic: E2E.ports.app + 43,
};

/** Every UDP datagram and every HTTP request that reached the listeners. */
const arrived = { stun: 0, turn: 0, quic: 0, requests: [] as string[] };
const closers: (() => Promise<void>)[] = [];

function listenUdp(port: number, count: () => void) {
  const socket = dgram.createSocket('udp4');
  socket.on('message', count);
  closers.push(() => new Promise((resolve) => socket.close(() => resolve())));
  return new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, '127.0.0.1', resolve);
  });
}

test.beforeAll(async () => {
  await listenUdp(ports.stun, () => arrived.stun++);
  await listenUdp(ports.turn, () => arrived.turn++);
  await listenUdp(ports.quic, () => arrived.quic++);
  const server = http.createServer((request, response) => {
    arrived.requests.push(request.url ?? '');
    response.end('leaked');
  });
  // A WebSocket upgrade is a request too.
  server.on('upgrade', (request, socket) => {
    arrived.requests.push(request.url ?? '');
    socket.destroy();
  });
  closers.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(ports.http, '127.0.0.1', resolve);
  });
});

test.afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

test.beforeEach(() => {
  arrived.stun = 0;
  arrived.turn = 0;
  arrived.quic = 0;
  arrived.requests = [];
});

async function frameOf(iframe: Locator): Promise<Frame> {
  const frame = await (await iframe.elementHandle())?.contentFrame();
  if (!frame) throw new Error('no frame behind the iframe');
  return frame;
}

const blocked = 'blocked: no RTCPeerConnection';
// A nested document whose script the preview's policy refuses never runs, so never reports.
const silent = 'no report';

/**
 * Reads the probe once it is done, has the preview navigate itself, waits for anything still on
 * its way, and checks that every way out was tried and reached no listener.
 */
async function expectNothingLeaked(page: Page, frame: Frame) {
  const probe = frame.locator('#probe');
  await expect(probe).toHaveAttribute('data-done', 'true');
  const outcomes = JSON.parse((await probe.textContent()) ?? '{}');
  // The app's frame-src refuses this navigation before any request (not before a connection).
  await frame.locator('#navigate').click();
  await page.waitForTimeout(2_000);
  expect({ arrived, outcomes }).toEqual({
    arrived: { stun: 0, turn: 0, quic: 0, requests: [] },
    outcomes: {
      rtc: blocked,
      webkit: blocked,
      bodyOnload: blocked,
      onclick: blocked,
      scriptChild: silent,
      markupChild: silent,
      // Copies of the page's own allowed scripts: as classic scripts they run the prelude
      // first; as modules they do not parse.
      copy: blocked,
      copyModule: silent,
      copyShadow: blocked,
      copyShadowModule: silent,
      fetch: 'blocked',
      img: 'blocked',
      image: 'blocked',
      webSocket: 'blocked',
      // What sendBeacon returns varies; what counts is that no request arrived.
      beacon: expect.stringMatching(/^sendBeacon returned (true|false)$|^blocked/),
      webTransport: expect.stringMatching(/^blocked/),
      // An external script whose integrity matches an allowed hash: refused by a policy
      // (the app's own origin is allowed by the app's policy, so only the preview's stops it).
      sriListener: 'blocked',
      sriApp: 'blocked',
    },
  });
}

async function openProbe(page: Page, request: Parameters<typeof scriptModel>[0]) {
  const models = [uniqueModel('probe'), uniqueModel('snake')] as const;
  await scriptModel(request, 'openai', {
    id: models[0],
    tokensPerSecond: 4_000,
    ttftMs: 20,
    answer: exfiltrationProbe({ app: E2E.appUrl, ...ports }),
  });
  await scriptModel(request, 'deepseek', {
    id: models[1],
    tokensPerSecond: 4_000,
    ttftMs: 20,
    answer: snakeGame({ colour: '#38bdf8', fragment: true }),
  });
  const { conversationId } = await startComparison(
    request,
    [
      { kind: 'openai', model: models[0] },
      { kind: 'deepseek', model: models[1] },
    ],
    'Check your sandbox, then write a snake game.',
  );
  const compare = new ComparePage(page);
  await compare.open(conversationId);
  for (const position of [0, 1]) await compare.expectStatus(position, 'done');
  return compare;
}

test('a preview reaches nothing by WebRTC, nested frames or HTTP ("Preview")', async ({
  page,
  request,
}) => {
  const compare = await openProbe(page, request);
  const column = compare.column(0);
  await column.getByTestId('preview-button').click();
  const frame = await frameOf(column.getByTestId('preview').locator('iframe'));
  await expectNothingLeaked(page, frame);
});

test('a preview reaches nothing by WebRTC, nested frames or HTTP ("Preview all"), and a game beside it still runs', async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openProbe(page, request);
  await page.getByTestId('preview-all-button').click();
  const iframes = page.getByTestId('preview-all').locator('iframe');
  await expect(iframes).toHaveCount(2);
  const [probe, snake] = await Promise.all([frameOf(iframes.nth(0)), frameOf(iframes.nth(1))]);
  const pixels = () =>
    snake.evaluate(() => (document.getElementById('board') as HTMLCanvasElement).toDataURL());
  const first = await pixels();
  await expect.poll(pixels, { timeout: 3_000 }).not.toBe(first);
  await expectNothingLeaked(page, probe);
});
