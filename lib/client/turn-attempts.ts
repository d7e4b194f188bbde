import type { MessageView, TurnView } from '@/lib/api/views';

/** A slot's attempts at a turn's answer, oldest first. */
export function attemptsOf(turn: TurnView, slotId: string): MessageView[] {
  return turn.messages.filter((message) => message.slotId === slotId);
}

/** The attempt on show in a slot's cell (the latest one, for rows older than attempts). */
export function shownOf(turn: TurnView, slotId: string): MessageView | undefined {
  const attempts = attemptsOf(turn, slotId);
  return attempts.find((message) => message.shown) ?? attempts.at(-1);
}

function inTurnOf(
  turns: TurnView[],
  message: MessageView,
  change: (messages: MessageView[]) => MessageView[],
): TurnView[] {
  return turns.map((turn) =>
    turn.id === message.turnId ? { ...turn, messages: change(turn.messages) } : turn,
  );
}

/** The turns with `message` on show in its cell, its slot's other attempts not. */
export function withShown(turns: TurnView[], message: MessageView): TurnView[] {
  return inTurnOf(turns, message, (messages) =>
    messages.map((other) =>
      other.slotId !== message.slotId
        ? other
        : other.id === message.id
          ? { ...other, shown: true }
          : other.shown
            ? { ...other, shown: false }
            : other,
    ),
  );
}

/** The turns with a new attempt (a retry) added after its slot's others, and on show. */
export function withAttempt(turns: TurnView[], message: MessageView): TurnView[] {
  const added = inTurnOf(turns, message, (messages) => {
    const index = messages.findLastIndex((other) => other.slotId === message.slotId);
    return [...messages.slice(0, index + 1), message, ...messages.slice(index + 1)];
  });
  return withShown(added, message);
}
