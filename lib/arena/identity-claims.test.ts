import { describe, expect, it } from 'vitest';
import type { Identity } from './identity-aliases';
import { detectSelfIdentification } from './identity-claims';

const DEEPSEEK: Identity = { maker: 'deepseek', family: 'deepseek' };
const DEEPSEEK_R1: Identity = { maker: 'deepseek', family: 'deepseek', variant: 'r1' };
const QWEN: Identity = { maker: 'alibaba', family: 'qwen' };
const LLAMA: Identity = { maker: 'meta', family: 'llama' };
const GPT: Identity = { maker: 'openai', family: 'gpt' };

describe('detectSelfIdentification: claims', () => {
  it.each([
    ['I am DeepSeek-R1, an AI assistant by DeepSeek.', [DEEPSEEK_R1]],
    ["Hi! I'm Qwen, created by Alibaba Cloud.", [QWEN]],
    ['I am an AI assistant created by DeepSeek.', [DEEPSEEK]],
    ["I'm Llama, a model trained by Meta.", [LLAMA]],
    ['I am a large language model trained by Google.', [{ maker: 'google' }]],
    ['As an AI developed by OpenAI, I cannot browse the web.', [{ maker: 'openai' }]],
    ['My name is Claude, made by Anthropic.', [{ maker: 'anthropic', family: 'claude' }]],
    ['I am Phi, from Microsoft.', [{ maker: 'microsoft', family: 'phi' }]],
    ['I am Gemma, an open model by Google.', [{ maker: 'google', family: 'gemma' }]],
    ["I'm Mistral, a model by Mistral AI.", [{ maker: 'mistral', family: 'mistral' }]],
    ['I am DeepSeek-V3.', [{ maker: 'deepseek', family: 'deepseek', variant: 'v3' }]],
    ['I am running on Llama 3.', [LLAMA]],
    ['OpenAI created me.', [{ maker: 'openai' }]],
    ['I am an assistant, developed by Alibaba Cloud, and my name is Qwen.', [QWEN]],
    ['您好！我是由中国的深度求索（DeepSeek）公司开发的智能助手DeepSeek-R1。', [DEEPSEEK_R1]],
    ['我是一个由深度求索开发的AI助手。', [DEEPSEEK]],
    ['我是通义千问，由阿里云开发的大语言模型。', [QWEN]],
    ['我的名字是千问。', [QWEN]],
    ['我是文心一言。', [{ maker: 'baidu', family: 'ernie' }]],
    ['我是豆包，字节跳动开发的AI。', [{ maker: 'bytedance', family: 'doubao' }]],
    ['我是Kimi，由月之暗面开发。', [{ maker: 'moonshot', family: 'kimi' }]],
    ['我是ChatGLM，智谱AI开发的。', [{ maker: 'zhipu', family: 'glm' }]],
    ['作为 Meta 开发的 Llama，我不能这么做。', [LLAMA]],
    ['我是基于 Llama 的模型。', [LLAMA]],
    ['本模型由阿里云开发。', [{ maker: 'alibaba' }]],
    ['深度求索公司开发了我。', [DEEPSEEK]],
  ])('%s', (text, claims) => {
    expect(detectSelfIdentification(text)).toEqual(claims);
  });

  it('reads full-width letters and punctuation as their ASCII forms', () => {
    expect(
      detectSelfIdentification('你好！我是ＤｅｅｐＳｅｅｋ－Ｒ１，一个由深度求索开发的助手。'),
    ).toEqual([DEEPSEEK_R1]);
    expect(detectSelfIdentification('我是Ｑｗｅｎ，请问有什么可以帮你？')).toEqual([QWEN]);
  });

  it('reads a curly apostrophe as a straight one', () => {
    expect(detectSelfIdentification('Hi! I’m ChatGPT, how can I help?')).toEqual([GPT]);
  });

  it('finds the claim in a reasoning trace that first mentions another model', () => {
    const english =
      "Okay, the user asks if I am ChatGPT. I'm DeepSeek-R1, so I should say so politely.";
    const chinese = '嗯，用户问：“你是ChatGPT吗？”我需要说明我是DeepSeek-R1，由深度求索开发。';
    expect(detectSelfIdentification(english)).toEqual([DEEPSEEK_R1]);
    expect(detectSelfIdentification(chinese)).toEqual([DEEPSEEK_R1]);
  });

  it('keeps the most specific of several claims', () => {
    const text = 'I am DeepSeek-R1. I was trained by DeepSeek. I am a DeepSeek model.';
    expect(detectSelfIdentification(text)).toEqual([DEEPSEEK_R1]);
  });
});

describe('detectSelfIdentification: names that are not claims', () => {
  const mentions = [
    'Compared with GPT-4, this answer is shorter.',
    '你可以用 Llama 来做这个。',
    'DeepSeek 的论文里提到了这个方法。',
    'It supports Claude as well as GPT-4.',
    'As GPT-4 showed, scaling helps.',
    'Models such as Qwen, Llama and GPT-4 are open or closed.',
    'I am not sure whether GPT-4 is better.',
    "I'm familiar with Llama.",
    "I'm a Llama expert.",
    'I am a ChatGPT-like assistant.',
    "I'm an OpenAI-compatible server.",
    'I am going to compare Qwen and Llama.',
    'I am a meta-learner.',
    'I am happy to help. Llama is a model by Meta.',
    '我是 DeepSeek 的忠实用户。',
    '我是一名学生，我用 ChatGPT 写作业。',
    '我是在 DeepSeek 上看到的。',
    '作为一个AI助手，我没有名字。',
  ];
  const questions = [
    'Are you ChatGPT?',
    'I am ChatGPT?',
    '请问你是通义千问吗？',
    '我是通义千问吗？',
    '我是由 OpenAI 训练的吗',
  ];
  const suppositions = [
    'If I am ChatGPT, then the answer changes.',
    'The user thinks I am ChatGPT.',
    '用户以为我是ChatGPT。',
    '如果我是通义千问，我会这样回答。',
  ];
  it.each([
    ...mentions.map((text) => ['a mention', text]),
    ...questions.map((text) => ['a question', text]),
    ...suppositions.map((text) => ['a supposition', text]),
  ])('%s: %s', (_, text) => {
    expect(detectSelfIdentification(text)).toEqual([]);
  });

  it('ignores code the model writes for the user', () => {
    expect(detectSelfIdentification('```python\nprint("I am GPT")\n```')).toEqual([]);
    expect(detectSelfIdentification('Run `echo "I am Llama"` to test.')).toEqual([]);
  });

  it('sees the denial before the claim: "I am not ChatGPT; I am DeepSeek"', () => {
    expect(detectSelfIdentification("I'm not ChatGPT; I'm DeepSeek.")).toEqual([DEEPSEEK]);
    expect(detectSelfIdentification('我是由OpenAI开发的吗？不，我是深度求索开发的。')).toEqual([
      DEEPSEEK,
    ]);
  });
});

describe('detectSelfIdentification: cost', () => {
  // Each input would take minutes if a cue walked to the end of the text or the name scan
  // backtracked; linear, each finishes well inside Vitest's default timeout.
  it('reads 200 KB of answer with a claim at the end', () => {
    const text = `${'The quick brown fox jumps over the lazy dog. '.repeat(4_500)}我是DeepSeek-R1。`;
    expect(text.length).toBeGreaterThan(200_000);
    expect(detectSelfIdentification(text)).toEqual([DEEPSEEK_R1]);
  });

  it('reads 100,000 cues without a name near them', () => {
    const text = `${'I am '.repeat(100_000)}\nQwen is a model. ${'我是'.repeat(100_000)}\n`;
    expect(detectSelfIdentification(text)).toEqual([]);
    expect(detectSelfIdentification(`${text}As DeepSeek-R1, I answer.`)).toEqual([DEEPSEEK_R1]);
  });

  it('reads 100,000 cues that run into fillers and then a name', () => {
    const english = 'I am a model built by the '.repeat(100_000);
    expect(detectSelfIdentification(`${english}Llama team.`)).toEqual([LLAMA]);
    const chinese = '我是一个由'.repeat(100_000);
    expect(detectSelfIdentification(`${chinese}阿里云开发的模型。`)).toEqual([
      { maker: 'alibaba' },
    ]);
  });

  it('reads 100,000 claims, each walked from its cue', () => {
    expect(detectSelfIdentification('I am Llama now. '.repeat(100_000))).toEqual([LLAMA]);
  });

  it('reads 20,000 mentions that each walk from a cue', () => {
    const text = 'I am the a a a a a a a a a a a a a a a a a a a a Llama expert. '.repeat(20_000);
    expect(detectSelfIdentification(text)).toEqual([]);
  });

  it('reads an unclosed code fence and a line of single backticks', () => {
    const fence = `\`\`\`\n${'I am GPT. '.repeat(20_000)}`;
    expect(detectSelfIdentification(fence)).toEqual([]);
    // The last of an odd number of backticks opens nothing: its "I am Qwen." is prose.
    const backticks = `${'` I am '.repeat(50_001)}Qwen.`;
    expect(detectSelfIdentification(backticks)).toEqual([QWEN]);
  });
});
