// Scenario 7's measurements, in a process of their own started with `node --import tsx` (so that
// it loads lib/arena's TypeScript as it is): times computeRatings and computeRatingsAsync on
// synthetic votes and prints one JSON object on stdout. Arguments: votes, rounds, runs.
import { computeRatings, computeRatingsAsync } from '../../lib/arena/ratings.ts';
import { syntheticVotes } from '../../lib/arena/synthetic-votes.ts';

const [votesArg = '100000', roundsArg = '1000', runsArg = '5'] = process.argv.slice(2);
const voteCount = Number(votesArg);
const rounds = Number(roundsArg);
const runs = Number(runsArg);

/** 20 models 25 points apart; the better ones write longer, and voters like length a little. */
const models = Array.from({ length: 20 }, (_, index) => ({
  key: `model-${String(index).padStart(2, '0')}`,
  rating: 760 + 25 * index,
  verbosity: 250 + 25 * index,
}));

/** @param {() => unknown} work */
function timed(work) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = work();
  const used = process.cpuUsage(cpu);
  return { result, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

/**
 * The async computation with a setImmediate chain beside it: each link stamps the time since the
 * last, so the longest gap is the longest the event loop waited while the ratings were computed.
 * @param {() => Promise<unknown>} work
 */
async function timedAsync(work) {
  let last = performance.now();
  let longest = 0;
  let turns = 0;
  let running = true;
  const tick = () => {
    const at = performance.now();
    longest = Math.max(longest, at - last);
    last = at;
    turns += 1;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  const cpu = process.cpuUsage();
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  running = false;
  return { ms, cpuMs: (used.user + used.system) / 1000, longestBlockMs: longest, turns };
}

const generated = timed(() =>
  syntheticVotes({ models, battles: voteCount, seed: 1, lengthEffect: 0.5 }),
);
const votes = /** @type {import('../../lib/arena/vote.ts').Vote[]} */ (generated.result);

/** @type {Record<string, { sync: Array<{ ms: number, cpuMs: number }>, async: Array<{ ms: number, cpuMs: number, longestBlockMs: number, turns: number }>, top?: unknown }>} */
const results = {};
for (const styleControl of [false, true]) {
  const sync = [];
  let leaderboard;
  for (let run = 0; run < runs; run++) {
    const { result, ms, cpuMs } = timed(() => computeRatings(votes, { rounds, styleControl }));
    leaderboard = /** @type {import('../../lib/arena/ratings.ts').Leaderboard} */ (result);
    sync.push({ ms, cpuMs });
  }
  const async = [];
  for (let run = 0; run < runs; run++) {
    async.push(await timedAsync(() => computeRatingsAsync(votes, { rounds, styleControl })));
  }
  results[styleControl ? 'style' : 'plain'] = {
    sync,
    async,
    top: leaderboard?.ratings.slice(0, 3).map(({ model, rating, lower, upper }) => ({
      model,
      rating: Math.round(rating),
      lower: Math.round(lower),
      upper: Math.round(upper),
    })),
  };
}

process.stdout.write(
  `${JSON.stringify({ votes: voteCount, models: models.length, rounds, runs, generateMs: generated.ms, results })}\n`,
);
