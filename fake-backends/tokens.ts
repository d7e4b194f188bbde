import type { ReasoningStyle, ResolvedModelScript } from './script';

/**
 * One emitted token. `channel` is where it goes on the wire (a reasoning field or content);
 * `part` is what it means (trace, answer, or a <think> tag), which the run record counts.
 */
export interface PlannedToken {
  text: string;
  channel: 'reasoning' | 'content';
  part: 'reasoning' | 'answer' | 'tag';
}

/** Word-ish tokens: each carries its leading whitespace; trailing whitespace joins the last. */
export function tokenize(text: string): string[] {
  const tokens = text.match(/\s*\S+/g) ?? [];
  const trailing = /\s+$/.exec(text)?.[0] ?? '';
  if (tokens.length === 0) return trailing ? [trailing] : [];
  if (trailing) tokens[tokens.length - 1] += trailing;
  return tokens;
}

export interface ChatInput {
  /** Text of the last user message. */
  prompt: string;
  messageCount: number;
  /** Text of every message, for the prompt token count. */
  texts: string[];
}

/** Messages as the fakes see them: role plus the text of their content (string or parts). */
export function readMessages(messages: unknown): ChatInput {
  const list = Array.isArray(messages) ? messages : [];
  const texts: string[] = [];
  let prompt = '';
  for (const message of list) {
    const text = messageText(message);
    texts.push(text);
    if (isRecord(message) && message.role === 'user') prompt = text;
  }
  return { prompt, messageCount: list.length, texts };
}

function messageText(message: unknown): string {
  if (!isRecord(message)) return '';
  const { content } = message;
  if (typeof content === 'string') return content;
  // OpenAI content parts: [{ type: 'text', text }].
  if (Array.isArray(content)) {
    return content
      .map((part) => (isRecord(part) && typeof part.text === 'string' ? part.text : ''))
      .join('');
  }
  return '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Deterministic stand-in for a tokenizer: word-ish tokens of every message, plus 4 per
 * message for the chat template's role markers and 3 to prime the reply.
 */
export function countPromptTokens(input: ChatInput): number {
  return input.texts.reduce((sum, text) => sum + tokenize(text).length + 4, 3);
}

export function fillPlaceholders(text: string, input: ChatInput): string {
  return text
    .replaceAll('{{prompt}}', input.prompt)
    .replaceAll('{{messageCount}}', String(input.messageCount));
}

/**
 * The full token sequence for one reply, in the given placement of the reasoning:
 * - 'field' / 'reasoning-field': reasoning tokens on their own channel, then the answer;
 * - 'think-tags': `<think>` trace `</think>` then the answer, all in content;
 * - 'closing-tag': the trace with no opening tag, `</think>`, then the answer (R1 distills
 *   served by vLLM without a reasoning parser: the template already opened the tag).
 */
export function planTokens(
  script: ResolvedModelScript,
  style: ReasoningStyle,
  input: ChatInput,
): PlannedToken[] {
  const answer = fillPlaceholders(script.answer, input);
  const open = script.splitTags ? ['<th', 'ink>'] : ['<think>'];
  const close = script.splitTags ? ['</th', 'ink>'] : ['</think>'];
  const tags = (list: string[]): PlannedToken[] =>
    list.map((text) => ({ text, channel: 'content', part: 'tag' }));
  const words = (text: string, channel: PlannedToken['channel'], part: PlannedToken['part']) =>
    tokenize(text).map((word): PlannedToken => ({ text: word, channel, part }));

  switch (style) {
    case 'none':
      return words(answer, 'content', 'answer');
    case 'field':
    case 'reasoning-field':
      return [
        ...words(script.reasoning, 'reasoning', 'reasoning'),
        ...words(answer, 'content', 'answer'),
      ];
    case 'think-tags':
      return [
        ...tags(open),
        ...words(`\n${script.reasoning}\n`, 'content', 'reasoning'),
        ...tags(close),
        ...words(`\n\n${answer}`, 'content', 'answer'),
      ];
    case 'closing-tag':
      return [
        ...words(`${script.reasoning}\n`, 'content', 'reasoning'),
        ...tags(close),
        ...words(`\n\n${answer}`, 'content', 'answer'),
      ];
  }
}
