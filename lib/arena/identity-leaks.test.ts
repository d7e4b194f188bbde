import { describe, expect, it } from 'vitest';
import { type BattleSide, identityLeak } from './identity-leaks';
import type { ModelFacts } from './identity-model-facts';

const R1_7B: ModelFacts = { model: 'deepseek-r1:7b', family: 'qwen2' };
const R1_32B: ModelFacts = { model: 'deepseek-r1:32b', family: 'qwen2' };
const R1_VLLM: ModelFacts = { model: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B' };
const REASONER: ModelFacts = { model: 'deepseek-reasoner' };
const DEEPSEEK_CHAT: ModelFacts = { model: 'deepseek-chat' };
const LLAMA: ModelFacts = { model: 'llama3.2:3b', family: 'llama' };
const QWEN: ModelFacts = { model: 'qwen2.5:7b', family: 'qwen2' };
const UNKNOWN: ModelFacts = { model: 'my-finetune:latest' };

const R1_ZH =
  '您好！我是由中国的深度求索（DeepSeek）公司开发的智能助手DeepSeek-R1。有什么可以帮您？';
const R1_EN = "Hi! I'm DeepSeek-R1, an AI assistant by DeepSeek. How can I help?";
const R1_THINKING =
  'Okay, the user wants to know who I am. I am DeepSeek-R1, so I will introduce myself.';
const HELLO = 'Hello! How can I help you today?';

function side(model: ModelFacts, ...texts: string[]): BattleSide {
  return { model, texts };
}

describe('identityLeak: no leak', () => {
  it('when neither side names itself', () => {
    expect(identityLeak(side(R1_7B, HELLO), side(LLAMA, 'Hi there!'))).toEqual({ leaked: false });
  });

  it('when two R1 distills both say they are DeepSeek-R1', () => {
    expect(identityLeak(side(R1_7B, R1_ZH), side(R1_32B, R1_EN))).toEqual({ leaked: false });
    expect(identityLeak(side(R1_VLLM, R1_EN), side(R1_7B, '我是DeepSeek。'))).toEqual({
      leaked: false,
    });
  });

  it('when a distill names DeepSeek and the full R1 says nothing', () => {
    expect(identityLeak(side(R1_7B, R1_ZH), side(REASONER, HELLO))).toEqual({ leaked: false });
  });

  it('when both say "DeepSeek" without a version, R1 against V3', () => {
    const chat = side(DEEPSEEK_CHAT, 'I am DeepSeek, your assistant.');
    expect(identityLeak(side(REASONER, '我是DeepSeek。'), chat)).toEqual({ leaked: false });
  });

  it('when a claim fits neither model: a Llama calling itself ChatGPT against a Qwen', () => {
    const llama = side(LLAMA, "I'm ChatGPT, a model by OpenAI.");
    expect(identityLeak(llama, side(QWEN, HELLO))).toEqual({ leaked: false });
    expect(identityLeak(llama, side(QWEN, 'I am Claude.'))).toEqual({ leaked: false });
  });

  it('when a distill says it is Qwen against another Qwen distill', () => {
    expect(identityLeak(side(R1_7B, 'I am Qwen.'), side(R1_VLLM, HELLO))).toEqual({
      leaked: false,
    });
  });

  it('when the only names are mentions or questions', () => {
    const a = side(
      R1_7B,
      'DeepSeek 的论文里提到了这个方法。',
      'Compared with GPT-4, this is short.',
    );
    const b = side(LLAMA, '你可以用 Llama 来做这个。', 'Are you ChatGPT? I cannot tell.');
    expect(identityLeak(a, b)).toEqual({ leaked: false });
  });
});

describe('identityLeak: leaks', () => {
  it('when an R1 distill says it is DeepSeek against a Llama, in the answer', () => {
    expect(identityLeak(side(R1_7B, HELLO, R1_ZH), side(LLAMA, HELLO))).toEqual({
      leaked: true,
      reason: 'Model A said it is DeepSeek-R1; Model B is llama3.2:3b.',
    });
  });

  it('when the claim is only in the reasoning trace', () => {
    expect(identityLeak(side(LLAMA, HELLO), side(R1_7B, R1_THINKING, HELLO))).toEqual({
      leaked: true,
      reason: 'Model B said it is DeepSeek-R1; Model A is llama3.2:3b.',
    });
    const thinkingZh = '嗯，用户问我是谁。我是DeepSeek-R1，应该简单介绍一下自己。';
    expect(identityLeak(side(QWEN, HELLO), side(R1_32B, thinkingZh)).leaked).toBe(true);
  });

  it('when a Qwen says so in Chinese against a DeepSeek', () => {
    expect(identityLeak(side(R1_7B, HELLO), side(QWEN, '我是通义千问，由阿里云开发。'))).toEqual({
      leaked: true,
      reason: 'Model B said it is Qwen (Alibaba); Model A is deepseek-r1:7b.',
    });
  });

  it('when a distill says it is Qwen against a Llama: its base gives it away', () => {
    expect(identityLeak(side(R1_7B, '我是千问。'), side(LLAMA, HELLO)).leaked).toBe(true);
  });

  it('when both name themselves, differently', () => {
    expect(identityLeak(side(LLAMA, "I'm Llama, by Meta."), side(QWEN, '我是通义千问。'))).toEqual({
      leaked: true,
      reason: 'Model A said it is Llama (Meta), Model B that it is Qwen (Alibaba).',
    });
  });

  it('when DeepSeek-R1 and DeepSeek-V3 give their versions', () => {
    const r1 = side(REASONER, R1_EN);
    expect(identityLeak(r1, side(DEEPSEEK_CHAT, '我是DeepSeek-V3。')).leaked).toBe(true);
  });

  it('when a model the server cannot place names itself against a known one', () => {
    expect(identityLeak(side(UNKNOWN, 'I am Qwen.'), side(LLAMA, HELLO))).toEqual({
      leaked: true,
      reason: 'Model A said it is Qwen (Alibaba); Model B is llama3.2:3b.',
    });
  });

  it('with full-width punctuation', () => {
    const a = side(QWEN, '你好！我是通义千问（Qwen），由阿里云开发。');
    expect(identityLeak(a, side(LLAMA, HELLO)).leaked).toBe(true);
  });
});
