// Ties what a client received to what the fake sent: each token's emit time (the fake's run
// record) and its arrival time (the client's stamp on the read that completed it).

/**
 * A scripted answer of `count` numbered words, so a lost or reordered token shows in the text.
 * @param {number} count
 */
export function numberedAnswer(count) {
  return Array.from({ length: count }, (_, i) => `w${i}`).join(' ');
}

/**
 * The fakes' tokenizer (fake-backends/tokens.ts): word-ish tokens with leading whitespace.
 * @param {string} text
 */
export function tokenize(text) {
  const tokens = text.match(/\s*\S+/g) ?? [];
  const trailing = /\s+$/.exec(text)?.[0] ?? '';
  if (trailing && tokens.length > 0) tokens[tokens.length - 1] += trailing;
  return tokens;
}

/**
 * @typedef {{ startedAt: number, tokenTimes: number[], request: any, model: string }} FakeRun
 * @typedef {import('./clients.mjs').StreamResult} StreamResult
 */

/**
 * Words missing from the received text, and words that arrived before one that should follow.
 * @param {string} received
 * @param {string} expected
 */
export function compareText(received, expected) {
  const want = expected.split(/\s+/).filter(Boolean);
  const got = received.split(/\s+/).filter(Boolean);
  const position = new Map(want.map((word, index) => [word, index]));
  const gotSet = new Set(got);
  const lost = want.filter((word) => !gotSet.has(word)).length;
  let reordered = 0;
  let last = -1;
  for (const word of got) {
    const index = position.get(word) ?? -1;
    if (index < last) reordered += 1;
    last = Math.max(last, index);
  }
  return {
    exact: received === expected,
    lost,
    reordered,
    extra: Math.max(0, got.length - want.length),
  };
}

/**
 * Per-token timing of one stream against the fake's ground truth.
 * - lateness: arrival − emit, ms (the clock offset between processes cancels out in the
 *   app-minus-direct difference, both being read by the same two clocks);
 * - clumped: a token that arrived less than a quarter of the emit gap after the previous one,
 *   for gaps of 5 ms or more (the fake spaced them; something on the way bunched them);
 * - largestClump: most tokens that arrived together that way (1: none; the whole answer: the
 *   stream arrived in one piece);
 * - maxTokensPerEvent: most tokens carried by one event (1 means no batching at all);
 * - fromSnapshot: tokens already sent before the client subscribed, so they came in its
 *   snapshot; they are left out of lateness and clumps (a subscription race, not relaying).
 * @param {StreamResult} stream
 * @param {FakeRun} run
 * @param {string} expected
 */
export function analyzeStream(stream, run, expected) {
  const received = stream.pieces.map((piece) => piece.text).join('');
  const text = compareText(received, expected);
  const tokens = tokenize(expected);
  const ends = [];
  let offset = 0;
  for (const token of tokens) {
    offset += token.length;
    ends.push(offset);
  }
  /** @type {number[]} */
  const arrivals = [];
  /** @type {number[]} */
  const tokensPerPiece = [];
  /** Tokens that were already there when the client subscribed: they came in the snapshot. */
  let fromSnapshot = 0;
  let pieceEnd = 0;
  let pieceIndex = -1;
  for (const end of ends) {
    while (pieceEnd < end && pieceIndex + 1 < stream.pieces.length) {
      pieceIndex += 1;
      pieceEnd += stream.pieces[pieceIndex]?.text.length ?? 0;
    }
    if (pieceEnd < end) break;
    const piece = stream.pieces[pieceIndex];
    arrivals.push(piece?.t ?? Number.NaN);
    if (piece?.snapshot) fromSnapshot += 1;
    else tokensPerPiece[pieceIndex] = (tokensPerPiece[pieceIndex] ?? 0) + 1;
  }
  const emits = run.tokenTimes.map((ms) => run.startedAt + ms);
  const lateness = [];
  let clumped = 0;
  let streak = 0;
  let largestClump = 1;
  for (let i = fromSnapshot; i < Math.min(arrivals.length, emits.length); i++) {
    const arrival = arrivals[i] ?? 0;
    const emit = emits[i] ?? 0;
    lateness.push(arrival - emit);
    if (i === fromSnapshot) continue;
    const emitGap = emit - (emits[i - 1] ?? 0);
    const arrivalGap = arrival - (arrivals[i - 1] ?? 0);
    if (emitGap >= 5 && arrivalGap < emitGap / 4) {
      clumped += 1;
      streak += 1;
      largestClump = Math.max(largestClump, streak + 1);
    } else {
      streak = 0;
    }
  }
  const first = stream.pieces[0];
  return {
    ...text,
    tokens: tokens.length,
    arrived: arrivals.length,
    ttftMs: first ? first.t - stream.startedAt : null,
    totalMs: stream.doneAt === null ? null : stream.doneAt - stream.startedAt,
    lateness,
    clumped,
    largestClump,
    fromSnapshot,
    maxTokensPerEvent: Math.max(0, ...tokensPerPiece.filter(Boolean)),
  };
}

/**
 * The fake's runs by model and the prompt they carried (each stream's prompt is unique).
 * @param {FakeRun[]} runs
 * @returns {(model: string, prompt: string) => FakeRun | undefined}
 */
export function indexRuns(runs) {
  const byKey = new Map();
  for (const run of runs) {
    const messages = run.request?.messages ?? [];
    byKey.set(`${run.model}\n${messages[messages.length - 1]?.content}`, run);
  }
  return (model, prompt) => byKey.get(`${model}\n${prompt}`);
}
