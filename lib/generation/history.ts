import type { ChatMessage } from '@/lib/backends/types';

export interface PastTurn {
  prompt: string;
  /** This slot's answer to that turn; reasoning is never sent back to a model. */
  answer: string | null;
}

/**
 * The messages one slot sends: its system prompt, its own past answers, the new prompt. Roles
 * alternate, as some backends insist (DeepSeek's reasoner answers 400 to two user messages in a
 * row): a prompt the slot has no answer to (stopped before any text, failed, or reasoning only)
 * is sent with the next user message, a blank line between them, so that nothing asked is lost.
 */
export function buildChatMessages({
  systemPrompt,
  pastTurns,
  prompt,
}: {
  systemPrompt?: string;
  pastTurns: PastTurn[];
  prompt: string;
}): ChatMessage[] {
  const messages: ChatMessage[] = [];
  if (systemPrompt?.trim()) messages.push({ role: 'system', content: systemPrompt });
  let unanswered: string[] = [];
  for (const turn of pastTurns) {
    if (!turn.answer?.trim()) {
      unanswered.push(turn.prompt);
      continue;
    }
    messages.push({ role: 'user', content: [...unanswered, turn.prompt].join('\n\n') });
    messages.push({ role: 'assistant', content: turn.answer });
    unanswered = [];
  }
  messages.push({ role: 'user', content: [...unanswered, prompt].join('\n\n') });
  return messages;
}
