'use client';

const EVENT = 'versus:conversations-changed';

/** Tells the sidebar that the list of conversations (or their order) changed. */
export function notifyConversationsChanged() {
  window.dispatchEvent(new Event(EVENT));
}

export function onConversationsChanged(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
