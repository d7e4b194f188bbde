import { describe, expect, it } from 'vitest';
import { identitiesOfModel } from './identity-model-facts';

const DEEPSEEK_R1 = { maker: 'deepseek', family: 'deepseek', variant: 'r1' };
const QWEN = { maker: 'alibaba', family: 'qwen' };
const LLAMA = { maker: 'meta', family: 'llama' };

describe('identitiesOfModel', () => {
  it.each([
    [
      'an R1 distill in Ollama',
      { model: 'deepseek-r1:7b', family: 'qwen2' },
      [DEEPSEEK_R1],
      [QWEN],
    ],
    [
      'an R1 distill behind vLLM',
      { model: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-7B' },
      [DEEPSEEK_R1],
      [QWEN],
    ],
    ['the full R1', { model: 'deepseek-reasoner' }, [DEEPSEEK_R1], []],
    ['DeepSeek-V3', { model: 'deepseek-chat' }, [{ ...DEEPSEEK_R1, variant: 'v3' }], []],
    ['a Llama', { model: 'llama3.2:3b', family: 'llama' }, [LLAMA], [LLAMA]],
    [
      'a Mistral on the llama architecture',
      { model: 'mistral:7b', family: 'llama' },
      [{ maker: 'mistral', family: 'mistral' }],
      [],
    ],
    ['an OpenAI reasoning model', { model: 'o3-mini' }, [{ maker: 'openai', family: 'gpt' }], []],
    ['an id that names nothing', { model: 'my-finetune:latest' }, [], []],
  ])('%s', (_, facts, named, lineage) => {
    expect(identitiesOfModel(facts)).toEqual({ named, lineage });
  });
});
