import type { ChatMessage } from '@/lib/backends/types';

export interface PastTurn {
  prompt: string;
  /** This slot's answer to that turn; reasoning is never sent back to a model. */
  answer: string | null;
}

/** The messages one slot sends: its system prompt, its own past answers, the new prompt. */
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
  for (const turn of pastTurns) {
    messages.push({ role: 'user', content: turn.prompt });
    // A turn without an answer (error, stopped before any text) still shows what was asked.
    if (turn.answer) messages.push({ role: 'assistant', content: turn.answer });
  }
  messages.push({ role: 'user', content: prompt });
  return messages;
}
