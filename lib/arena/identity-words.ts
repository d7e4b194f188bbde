/**
 * The small grammar of a self-identification, as word lists. Text is NFKC-normalised and
 * lower-cased first, so full-width punctuation ("，", "？", "（") arrives as ASCII.
 */
import { ALIAS_SOURCE, escapeRegExp } from './identity-aliases';

/**
 * Where a claim about oneself starts. Strong cues ("I am", "我是") make the phrase after them a
 * claim; weak cues ("as", "作为") only when they open a clause and the name closes it
 * ("As an AI developed by OpenAI, I…", "作为 Meta 开发的 Llama，我…").
 */
const STRONG_CUES = [
  'i\\s+am',
  "i'm",
  'i\\s+was',
  "i've\\s+been",
  'i\\s+have\\s+been',
  'my\\s+name\\s+is',
  "my\\s+name's",
  'call\\s+me',
  'myself\\s+as',
  'my\\s+(?:creators?|developers?|makers?|parent\\s+company|underlying\\s+model|base\\s+model)(?:\\s+(?:is|are|was|were))?',
  '我是',
  '我就是',
  '我其实是',
  '我叫做',
  '我叫',
  '我名叫',
  '我的(?:中文|英文)?名(?:字|称)?(?:是|叫)',
  '我由',
  '我来自',
  '我基于',
  '自己是',
  '本模型',
  '本助手',
];
const WEAK_CUES = ['as', '作为'];

const LATIN_CUE = /^[a-z]/;
function cueSource(cue: string): string {
  return LATIN_CUE.test(cue) ? `(?<![a-z'])${cue}(?![a-z'])` : cue;
}

/** One global scan for every cue; WEAK_CUE tells the two kinds apart. */
export const CUE = new RegExp([...STRONG_CUES, ...WEAK_CUES].map(cueSource).join('|'), 'g');
export const WEAK_CUE = new Set(WEAK_CUES);

/**
 * Words that may stand between a cue and the name without changing who is meant: articles,
 * what an assistant calls itself, and "made by" in its many forms. Anything else ends the
 * phrase, so "I am not sure whether GPT-4…" and "I'm familiar with Llama" claim nothing.
 */
const FILLER_WORDS = [
  // English
  ...['a', 'an', 'the', 'one', 'of', 'from', 'by', 'on', 'at', 'top', 'belong to', 'belongs to'],
  ...['ai', 'a.i.', 'artificial', 'intelligence', 'language', 'large', 'model', 'models', 'llm'],
  ...['assistant', 'chatbot', 'system', 'program', 'agent', 'helper', 'referred to as'],
  ...['helpful', 'friendly', 'virtual', 'conversational', 'generative', 'multimodal', 'reasoning'],
  ...['open', 'source', 'weights', 'weight', 'general', 'purpose', 'text', 'based', 'digital'],
  ...['advanced', 'powerful', 'intelligent', 'smart', 'new', 'newest', 'latest', 'official'],
  ...['version', 'variant', 'member', 'part', 'instance', 'edition', 'iteration', 'release'],
  ...['family', 'series', 'line', 'team', 'company', 'lab', 'labs', 'research', 'group'],
  ...['inc', 'inc.', 'ltd', 'ltd.', 'corporation', 'cloud', 'chinese', 'china', 'in-house'],
  ...['built', 'developed', 'created', 'trained', 'made', 'designed', 'powered', 'released'],
  ...['provided', 'produced', 'backed', 'fine', 'tuned', 'finetuned', 'instruction', 'distilled'],
  ...['called', 'named', 'known as', 'actually', 'really', 'indeed', 'just', 'simply', 'also'],
  ...['running on', 'runs on'],
  // 中文
  ...['一个', '一款', '一种', '一名', '一位', '个', '款', '名', '由', '是', '中国', '国内', '国产'],
  ...['公司', '有限公司', '科技有限公司', '科技', '集团', '团队', '團隊', '实验室', '研究院'],
  ...['旗下', '自主', '独立', '共同', '联合', '开发', '開發', '研发', '研發', '训练', '訓練'],
  ...['打造', '推出', '发布', '创建', '创造', '设计', '构建', '开源', '出品', '提供', '驱动'],
  ...['基于', '来自', '名为', '叫做', '叫', '称为', '名字', '英文名', '中文名', '又名', '也叫'],
  ...['全称', '简称', '人工智能', '智能', '助手', '助理', '语言模型', '語言模型', '大语言模型'],
  ...['大型语言模型', '超大规模语言模型', '大模型', '模型', '认知', '对话', '聊天', '机器人'],
  ...['系统', '程序', '推理', '通用', '最新', '版本', '系列', '新一代', '成员', '之一', '产品'],
  ...['蒸馏', '工程师', '工程师们', '研究人员', '其实', '就是', '正是'],
];

/** Parts of a model's name after the family: versions, sizes and editions ("qwen2.5-7b-instruct"). */
const TAIL_WORDS = [
  ...['instruct', 'chat', 'base', 'distill', 'preview', 'turbo', 'pro', 'plus', 'max', 'mini'],
  ...['nano', 'flash', 'lite', 'air', 'opus', 'sonnet', 'haiku', 'coder', 'math', 'vision'],
  ...['vl', 'omni', 'exp', 'reasoner', 'small', 'medium', 'nemo', 'moe', 'thinking', 'bot'],
];

/** After a name, these make it someone else's: "I'm a Llama expert", "我是 DeepSeek 的忠实用户". */
const BLOCK_WORDS = [
  ...['fan', 'fans', 'user', 'users', 'expert', 'experts', 'developer', 'developers', 'engineer'],
  ...['engineers', 'employee', 'researcher', 'enthusiast', 'customer', 'subscriber', 'specialist'],
  ...['competitor', 'rival', 'alternative', 'successor', 'clone', 'api', 'compatible', 'like'],
  ...['用户', '用戶', '粉丝', '爱好者', '专家', '开发者', '员工', '竞争对手', '对手', '替代品'],
  ...['使用者', '客户', '会员', '订阅', '继任者'],
];

function wordsSource(words: readonly string[]): string {
  return [...words]
    .sort((x, y) => y.length - x.length)
    .map((word) => {
      const escaped = escapeRegExp(word);
      return /[a-z.]$/.test(word) ? `${escaped}(?![a-z])` : escaped;
    })
    .join('|');
}

const TAIL_SOURCE = `[rv]?\\d+(?:[.x]\\d+)*[a-z]{0,2}(?![a-z])|\\.\\d+(?:\\.\\d+)*|${wordsSource(TAIL_WORDS)}`;

/**
 * What a walk reads at one position, tried in this order (the first that matches wins):
 * - possessive: "OpenAI's model", "阿里云的模型"; followed by a non-filler it disowns the name
 *   before it ("OpenAI's rival", "DeepSeek 的忠实用户").
 * - space: spaces, quotes, brackets and hyphens, which join the parts of a name and a phrase.
 * - block: after a name, makes it someone else's ("I'm a Llama expert", "我是 DeepSeek 的用户").
 * - alias: a model, family or maker (identity-aliases.ts).
 * - tail: a version, size or edition, part of the name before it ("qwen2.5-7b-instruct").
 * - filler: see FILLER_WORDS.
 * - connector: joins two fillers ("developed and trained by", "开发和训练"); after a name it
 *   ends the phrase.
 * - comma: crossed only when a filler follows ("I am Qwen, created by…", "我是通义千问，由…").
 */
const TOKEN_SOURCES = {
  possessive: "'s(?![a-z])|的",
  space: '[ \\t"\'“”‘’「」『』《》()[\\]{}<>*_#~|/\\\\·–—-]+',
  block: wordsSource(BLOCK_WORDS),
  alias: ALIAS_SOURCE,
  tail: TAIL_SOURCE,
  filler: wordsSource(FILLER_WORDS),
  connector: '(?:and|&)(?![a-z])|和|与|及',
  comma: '[,、:][ \\t]*',
};
export type TokenKind = keyof typeof TOKEN_SOURCES;
export const TOKEN_KINDS = Object.keys(TOKEN_SOURCES) as TokenKind[];

/** Sticky: tried at the walk's position only, so a step is one anchored attempt. */
export const TOKEN = new RegExp(
  TOKEN_KINDS.map((kind) => `(${TOKEN_SOURCES[kind]})`).join('|'),
  'y',
);
export const ALIAS = new RegExp(ALIAS_SOURCE, 'y');
export const FILLER = new RegExp(TOKEN_SOURCES.filler, 'y');
export const FIRST_PERSON = /i(?![a-z])|我(?!们)/y;
export const QUESTION = /\?|吗/y;

/** Words before a cue that make it hypothetical or someone else's view: "if I am", "以为我是". */
export const BLOCK_BEFORE_WORDS = new Set([
  ...['if', 'whether', 'unless', 'think', 'thinks', 'thought', 'believe', 'believes', 'believed'],
  ...['assume', 'assumes', 'assumed', 'suppose', 'supposed', 'pretend', 'pretends', 'pretending'],
  ...['imagine', 'wonder', 'wonders', 'wondering', 'mistake', 'mistakes', 'mistaken', 'mistook'],
  ...['who', 'what', 'not', 'roleplay', 'playing'],
]);
export const BLOCK_BEFORE_CHINESE = [
  ...['如果', '假如', '假设', '若', '以为', '认为', '觉得', '怀疑', '是否', '猜', '当成', '当作'],
  ...['扮演', '假装', '不知道'],
];
/** Only right before the cue: "用户问我是谁", "你自己是", but "回答问题时我是" is a claim. */
export const BLOCK_JUST_BEFORE_CHINESE = ['问', '你', '您', '他', '她', '它'];
/** What may open the clause before a weak cue: "and as an AI…", "我作为…", "但作为…". */
export const CLAUSE_OPENERS = new Set([
  ...['and', 'but', 'so', 'because', 'since', 'yet', 'however', 'therefore', 'thus', 'hence'],
  ...['now', 'also'],
]);
export const CLAUSE_OPENERS_CHINESE = ['我', '而', '但', '但是', '所以', '因此', '因为', '那么'];
