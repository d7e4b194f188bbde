/**
 * What a text says the model itself is. A name counts only in a claim about oneself: a cue
 * ("I am", "我是", "本模型", "as"/"作为" opening a clause) followed by nothing but the words an
 * assistant uses of itself ("an AI assistant developed by", "由…开发的") up to the name; or a
 * name right before "created me" / "开发了我". A name anywhere else is a mention: "Compared with
 * GPT-4…", "你可以用 Llama 来…", "DeepSeek 的论文里…".
 *
 * Linear in the text: one scan for cues, and from each cue a walk of at most MAX_WALK_STEPS
 * anchored (sticky) matches, none of which can backtrack across more than one word.
 */
import { ALIAS_SOURCE, type Identity, identityOfAlias } from './identity-aliases';
import {
  ALIAS,
  BLOCK_BEFORE_CHINESE,
  BLOCK_BEFORE_WORDS,
  BLOCK_JUST_BEFORE_CHINESE,
  CLAUSE_OPENERS,
  CLAUSE_OPENERS_CHINESE,
  CUE,
  FILLER,
  FIRST_PERSON,
  QUESTION,
  TOKEN,
  TOKEN_KINDS,
  type TokenKind,
  WEAK_CUE,
} from './identity-words';

const MAX_WALK_CHARS = 200;
const MAX_WALK_STEPS = 40;
/** How far back a cue looks for "if", "以为" and the like. */
const LOOKBACK_CHARS = 40;
const CLAUSE_MARKS = new Set([',', '.', ';', ':', '!', '?', '。', '、', '\n']);
const CLAUSE_END = new Set(['.', '!', ';', '。', '\n']);

/** Code is what the model wrote for the user, not what it says of itself: print("I am GPT"). */
const FENCED_CODE = /```[\s\S]*?(?:```|$)|~~~[\s\S]*?(?:~~~|$)/g;
const INLINE_CODE = /`[^`\n]*`/g;
const CURLY_APOSTROPHE = /[’‘ʼ´]/g;

const NAME_ANYWHERE = new RegExp(ALIAS_SOURCE, 'g');
const MADE_ME =
  /(?<![a-z])(?:created|developed|trained|built|designed)[ \t]+me(?![a-z])|(?:开发|研发|训练|打造|创造|创建)了?我(?!们)/g;
/** The maker right before "created me": "DeepSeek created me", "深度求索公司开发了我". */
const MAKER_BEFORE = new RegExp(
  `(?<![a-z])(?:${ALIAS_SOURCE})(?:'s|的)?(?:[ \\t]*(?:team|engineers|researchers|company|公司|团队|工程师们?))?[ \\t]*(?:has[ \\t]+|have[ \\t]+|共同|一起|联合)?$`,
);

type Stop = 'end' | 'clause' | 'question' | 'first-person' | 'word';

export function prepareText(text: string): string {
  return text
    .replace(FENCED_CODE, '\n')
    .replace(INLINE_CODE, ' ')
    .normalize('NFKC')
    .toLowerCase()
    .replace(CURLY_APOSTROPHE, "'");
}

function at(pattern: RegExp, text: string, pos: number): string | undefined {
  pattern.lastIndex = pos;
  const match = pattern.exec(text)?.[0];
  return match ? match : undefined;
}

function readToken(text: string, pos: number): { kind: TokenKind; text: string } | undefined {
  TOKEN.lastIndex = pos;
  const match = TOKEN.exec(text);
  if (!match?.[0]) return undefined;
  const group = match.findIndex((part, index) => index > 0 && part !== undefined);
  const kind = TOKEN_KINDS[group - 1];
  return kind && { kind, text: match[0] };
}

function stopAt(text: string, pos: number): Stop {
  if (pos >= text.length) return 'end';
  if (at(QUESTION, text, pos)) return 'question';
  if (at(FIRST_PERSON, text, pos)) return 'first-person';
  return CLAUSE_END.has(text.charAt(pos)) ? 'clause' : 'word';
}

/**
 * Reads the phrase after a cue, token by token (TOKEN in identity-words.ts). Names seen are
 * pending until a filler word confirms them as the head of the phrase, or the phrase ends; a
 * blocking word or a possessive followed by anything but a filler drops them. A question ends
 * the claim unmade.
 */
function walk(text: string, start: number, weak: boolean): Identity[] {
  const claims: Identity[] = [];
  let pending: Identity[] = [];
  let possessive = false;
  let stop: Stop | undefined;
  let pos = start;
  const limit = Math.min(text.length, start + MAX_WALK_CHARS);
  for (let step = 0; step < MAX_WALK_STEPS && pos < limit && !stop; step++) {
    const token = readToken(text, pos);
    const after = pos + (token?.text.length ?? 0);
    switch (token?.kind) {
      case 'possessive':
        possessive = true;
        break;
      case 'space':
      case 'tail':
        break;
      case 'block':
        pending = [];
        stop = 'word';
        break;
      case 'alias': {
        const identity = identityOfAlias(token.text);
        if (identity) pending.push(identity);
        possessive = false;
        break;
      }
      case 'filler':
        claims.push(...pending);
        pending = [];
        possessive = false;
        break;
      case 'connector':
        if (pending.length) stop = 'word';
        break;
      case 'comma':
        if (weak) stop = at(ALIAS, text, after) ? 'word' : 'clause';
        else if (!at(FILLER, text, after)) stop = 'clause';
        else {
          claims.push(...pending);
          pending = [];
          possessive = false;
        }
        break;
      case undefined:
        stop = stopAt(text, pos);
    }
    if (!stop) pos = after;
  }
  stop ??= pos >= text.length ? 'end' : 'word';
  if (stop === 'question') return [];
  if (possessive) pending = [];
  // "As GPT-4 showed…", "As the Llama paper says…": a weak cue needs the name to close the clause.
  if (weak && stop === 'word') return [];
  return [...claims, ...pending];
}

/** The clause before `index`, at most LOOKBACK_CHARS long, trailing spaces and markup removed. */
function clauseBefore(text: string, index: number): string {
  let from = index;
  while (from > 0 && index - from < LOOKBACK_CHARS && !CLAUSE_MARKS.has(text.charAt(from - 1))) {
    from--;
  }
  let to = index;
  while (to > from && ' \t*_#>"\'“”()'.includes(text.charAt(to - 1))) to--;
  return text.slice(from, to);
}

/** Not a claim: "if I am", "the user thinks I'm", "用户以为我是", "问我是谁". */
function isHypothetical(clause: string): boolean {
  const words = clause.match(/[a-z']+/g) ?? [];
  if (words.slice(-3).some((word) => BLOCK_BEFORE_WORDS.has(word))) return true;
  const recent = clause.slice(-8);
  if (BLOCK_BEFORE_CHINESE.some((word) => recent.includes(word))) return true;
  return BLOCK_JUST_BEFORE_CHINESE.some((word) => clause.endsWith(word));
}

/** "As"/"作为" speak of oneself when they open the clause: "As an AI…", "但作为…", "我作为…". */
function opensClause(clause: string): boolean {
  if (clause === '') return true;
  const lastWord = clause.match(/[a-z]+$/)?.[0];
  if (lastWord && CLAUSE_OPENERS.has(lastWord)) return true;
  return CLAUSE_OPENERS_CHINESE.some((word) => clause.endsWith(word));
}

/** Where names start in the text: a cue with none close after it cannot claim anything. */
function nameStarts(text: string): number[] {
  return Array.from(text.matchAll(NAME_ANYWHERE), (match) => match.index);
}

/** Adds to `found` what the cues claim; a claim already found needs no second look back. */
function addClaimsAfterCues(text: string, names: readonly number[], found: Set<Identity>): void {
  let next = 0;
  for (const cue of text.matchAll(CUE)) {
    const start = cue.index + cue[0].length;
    while (next < names.length && (names[next] ?? 0) < start) next++;
    if ((names[next] ?? Number.POSITIVE_INFINITY) - start > MAX_WALK_CHARS) continue;
    const weak = WEAK_CUE.has(cue[0]);
    const claims = walk(text, start, weak);
    if (claims.every((claim) => found.has(claim))) continue;
    const clause = clauseBefore(text, cue.index);
    if (isHypothetical(clause) || (weak && !opensClause(clause))) continue;
    for (const claim of claims) found.add(claim);
  }
}

function addClaimsBeforeMadeMe(text: string, found: Set<Identity>): void {
  for (const verb of text.matchAll(MADE_ME)) {
    if (at(QUESTION, text, verb.index + verb[0].length)) continue;
    const before = text.slice(Math.max(0, verb.index - LOOKBACK_CHARS), verb.index);
    const maker = MAKER_BEFORE.exec(before);
    if (!maker) continue;
    const identity = identityOfAlias(at(ALIAS, before, maker.index) ?? '');
    if (!identity || found.has(identity)) continue;
    if (!isHypothetical(clauseBefore(before, maker.index))) found.add(identity);
  }
}

function identityKey(identity: Identity): string {
  return `${identity.maker}/${identity.family ?? ''}/${identity.variant ?? ''}`;
}

/** `fine` says everything `coarse` says and more: "DeepSeek-R1" refines "DeepSeek". */
function refines(fine: Identity, coarse: Identity): boolean {
  return (
    fine.maker === coarse.maker &&
    (coarse.family === undefined || coarse.family === fine.family) &&
    (coarse.variant === undefined || coarse.variant === fine.variant) &&
    identityKey(fine) !== identityKey(coarse)
  );
}

/** Distinct identities, without those another one refines ("Alibaba" beside "Qwen"). */
export function mostSpecific(identities: readonly Identity[]): Identity[] {
  const unique = [...new Map(identities.map((id) => [identityKey(id), id])).values()];
  return unique.filter((coarse) => !unique.some((fine) => refines(fine, coarse)));
}

/** Which models, families or makers `text` says it is; [] when it names none of itself. */
export function detectSelfIdentification(text: string): Identity[] {
  const prepared = prepareText(text);
  // identityOfAlias hands out one shared object per name, so a Set dedupes by reference.
  const names = nameStarts(prepared);
  if (!names.length) return [];
  const found = new Set<Identity>();
  addClaimsAfterCues(prepared, names, found);
  addClaimsBeforeMadeMe(prepared, found);
  return mostSpecific([...found]);
}
