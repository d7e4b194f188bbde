'use client';

import { createContext, useContext } from 'react';
import type { MessageView } from '@/lib/api/views';

/** What a cell can change in the conversation's turns: add a retry's attempt, show another. */
export interface TurnActions {
  /** False once a battle's vote has ended it: nothing is retried any more. */
  canRetry: boolean;
  addAttempt(message: MessageView): void;
  showAttempt(message: MessageView): Promise<void>;
}

export const TurnActionsContext = createContext<TurnActions | null>(null);

export function useTurnActions(): TurnActions {
  const actions = useContext(TurnActionsContext);
  if (!actions) throw new Error('useTurnActions needs a TurnActionsContext provider.');
  return actions;
}
