/**
 * Names under which models, their families and their makers appear in answers and in model ids,
 * mapped to one canonical identity. Lower case, as the text is lower-cased before matching;
 * a space in a name also matches a hyphen, an underscore or nothing ("tongyi-qianwen").
 */

/** Each maker's name as shown to a voter, then the names it goes by in text. */
const MAKERS = {
  // "DeepSeek" is the family's name as well; it is listed there.
  deepseek: { label: 'DeepSeek', names: [] },
  alibaba: {
    label: 'Alibaba',
    names: [
      ...['alibaba cloud', 'alibaba', 'aliyun', 'damo academy'],
      ...['阿里巴巴', '阿里云', '阿里雲', '阿里', '达摩院'],
    ],
  },
  meta: { label: 'Meta', names: ['meta ai', 'meta', 'facebook', '脸书'] },
  openai: { label: 'OpenAI', names: ['openai', 'open ai'] },
  anthropic: { label: 'Anthropic', names: ['anthropic'] },
  google: { label: 'Google', names: ['google deepmind', 'google', 'deepmind', '谷歌'] },
  mistral: { label: 'Mistral AI', names: ['mistral ai', 'mistralai'] },
  microsoft: { label: 'Microsoft', names: ['microsoft', '微软', '微軟'] },
  '01ai': { label: '01.AI', names: ['01.ai', '01 ai', 'lingyiwanwu', '零一万物', '零一萬物'] },
  zhipu: { label: 'Zhipu AI', names: ['zhipu ai', 'zhipu', '智谱ai', '智谱', '智譜'] },
  baichuan: { label: 'Baichuan', names: ['baichuan ai', '百川智能'] },
  moonshot: { label: 'Moonshot AI', names: ['moonshot ai', 'moonshot', '月之暗面'] },
  minimax: { label: 'MiniMax', names: ['minimax', '稀宇科技', '稀宇'] },
  baidu: { label: 'Baidu', names: ['baidu', '百度'] },
  bytedance: { label: 'ByteDance', names: ['bytedance', '字节跳动', '字節跳動'] },
  tencent: { label: 'Tencent', names: ['tencent', '腾讯', '騰訊'] },
  iflytek: { label: 'iFlytek', names: ['iflytek', '科大讯飞', '科大訊飛', '讯飞', '訊飛'] },
  xai: { label: 'xAI', names: ['xai', 'x.ai'] },
  shanghaiailab: {
    label: 'Shanghai AI Lab',
    names: ['shanghai ai lab', 'shanghai ai laboratory', '上海人工智能实验室'],
  },
  sensetime: { label: 'SenseTime', names: ['sensetime', '商汤', '商湯'] },
  stepfun: { label: 'StepFun', names: ['stepfun', '阶跃星辰'] },
  cohere: { label: 'Cohere', names: ['cohere'] },
  tii: { label: 'TII', names: ['technology innovation institute'] },
  nvidia: { label: 'NVIDIA', names: ['nvidia', '英伟达'] },
} as const satisfies Record<string, { label: string; names: readonly string[] }>;

export type Maker = keyof typeof MAKERS;

const FAMILIES = {
  deepseek: { maker: 'deepseek', label: 'DeepSeek', names: ['deepseek', 'deep seek', '深度求索'] },
  qwen: {
    maker: 'alibaba',
    label: 'Qwen',
    names: [
      ...['qwen', 'qwq', 'codeqwen', 'tongyi qianwen', 'tongyi', 'qianwen'],
      ...['通义千问', '通義千問', '通义', '通義', '千问', '千問'],
    ],
  },
  llama: { maker: 'meta', label: 'Llama', names: ['llama', 'codellama', 'meta llama'] },
  gpt: { maker: 'openai', label: 'GPT', names: ['chatgpt', 'gpt'] },
  claude: { maker: 'anthropic', label: 'Claude', names: ['claude'] },
  gemini: { maker: 'google', label: 'Gemini', names: ['gemini'] },
  gemma: { maker: 'google', label: 'Gemma', names: ['gemma', 'codegemma'] },
  mistral: {
    maker: 'mistral',
    label: 'Mistral',
    names: ['mistral', 'mixtral', 'codestral', 'ministral', 'magistral', 'pixtral', 'devstral'],
  },
  phi: { maker: 'microsoft', label: 'Phi', names: ['phi'] },
  yi: { maker: '01ai', label: 'Yi', names: ['yi'] },
  glm: { maker: 'zhipu', label: 'GLM', names: ['chatglm', 'glm', '智谱清言'] },
  baichuan: { maker: 'baichuan', label: 'Baichuan', names: ['baichuan', '百川'] },
  kimi: { maker: 'moonshot', label: 'Kimi', names: ['kimi'] },
  minimax: { maker: 'minimax', label: 'MiniMax', names: ['abab', 'hailuo', '海螺'] },
  ernie: { maker: 'baidu', label: 'ERNIE', names: ['ernie bot', 'ernie', '文心一言', '文心'] },
  doubao: { maker: 'bytedance', label: 'Doubao', names: ['doubao', '豆包', 'skylark', '云雀'] },
  hunyuan: { maker: 'tencent', label: 'Hunyuan', names: ['hunyuan', '混元', '元宝'] },
  spark: { maker: 'iflytek', label: 'Spark', names: ['spark', 'xinghuo', '星火'] },
  grok: { maker: 'xai', label: 'Grok', names: ['grok'] },
  internlm: { maker: 'shanghaiailab', label: 'InternLM', names: ['internlm', '书生', '浦语'] },
  sensenova: {
    maker: 'sensetime',
    label: 'SenseNova',
    names: ['sensenova', 'sensechat', '日日新'],
  },
  command: { maker: 'cohere', label: 'Command', names: ['command r', 'aya'] },
  falcon: { maker: 'tii', label: 'Falcon', names: ['falcon'] },
  nemotron: { maker: 'nvidia', label: 'Nemotron', names: ['nemotron'] },
} as const satisfies Record<string, { maker: Maker; label: string; names: readonly string[] }>;

export type Family = keyof typeof FAMILIES;

/**
 * Only where one maker's models tell each other apart by name in a way a battle can turn on:
 * deepseek-reasoner answers "I am DeepSeek-R1", deepseek-chat "I am DeepSeek-V3".
 */
export type Variant = 'r1' | 'v3';

const VARIANT_LABELS: Record<Variant, string> = { r1: 'DeepSeek-R1', v3: 'DeepSeek-V3' };

const VARIANT_NAMES: Record<string, Variant> = {
  'deepseek r1': 'r1',
  'deepseek reasoner': 'r1',
  'deepseek v3': 'v3',
  'deepseek chat': 'v3',
};

/** What a text claims to be, or what a model is: a maker, and the family or variant if named. */
export interface Identity {
  readonly maker: Maker;
  readonly family?: Family;
  readonly variant?: Variant;
}

/** Spaces, hyphens and underscores do not tell names apart: "Qwen 2" = "qwen-2" = "qwen2". */
function keyOf(name: string): string {
  return name.replace(/[\s_-]+/g, '');
}

const BY_KEY = new Map<string, Identity>();
for (const [maker, { names }] of Object.entries(MAKERS) as [
  Maker,
  { names: readonly string[] },
][]) {
  for (const name of names) BY_KEY.set(keyOf(name), Object.freeze({ maker }));
}
for (const [family, { maker, names }] of Object.entries(FAMILIES) as [
  Family,
  { maker: Maker; names: readonly string[] },
][]) {
  for (const name of names) BY_KEY.set(keyOf(name), Object.freeze({ maker, family }));
}
for (const [name, variant] of Object.entries(VARIANT_NAMES)) {
  BY_KEY.set(keyOf(name), Object.freeze({ maker: 'deepseek', family: 'deepseek', variant }));
}

/** Common words that are also names: "meta-analysis", "meta-learning" are not Meta's. */
const NO_HYPHEN_AFTER = new Set(['meta']);

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function patternOf(name: string): string {
  const escaped = name.split(' ').map(escapeRegExp).join('[\\s_-]?');
  // A Latin name must end a word ("llamas", "metadata" are no model), but may run into a
  // version ("qwen2.5", "gpt4o"). Chinese is written without spaces: no boundary there.
  if (!/[a-z0-9]$/.test(name)) return escaped;
  return NO_HYPHEN_AFTER.has(name) ? `${escaped}(?![a-z-])` : `${escaped}(?![a-z])`;
}

const ALL_NAMES: string[] = [
  ...Object.values(MAKERS).flatMap((maker) => maker.names),
  ...Object.values(FAMILIES).flatMap((family) => family.names),
  ...Object.keys(VARIANT_NAMES),
];

/** Longest first, so that "chatgpt" wins over "gpt" and "阿里巴巴" over "阿里". */
export const ALIAS_SOURCE = ALL_NAMES.sort((x, y) => y.length - x.length)
  .map(patternOf)
  .join('|');

/** The identity a matched name stands for (the text as matched, lower case). */
export function identityOfAlias(matched: string): Identity | undefined {
  return BY_KEY.get(keyOf(matched));
}

/** How a voter would name it: "DeepSeek-R1", "Qwen (Alibaba)", "OpenAI". */
export function labelOf(identity: Identity): string {
  const maker = MAKERS[identity.maker].label;
  const name = identity.variant
    ? VARIANT_LABELS[identity.variant]
    : identity.family && FAMILIES[identity.family].label;
  if (!name) return maker;
  return name.startsWith(maker) || maker.startsWith(name) ? name : `${name} (${maker})`;
}
