// The two clients every timing compares: through Versus (its API and SSE events) and direct
// to the fake backend (OpenAI SSE). Both return content pieces stamped on arrival.
import { readSse, request } from './http.mjs';
import { now } from './stats.mjs';

/** @typedef {{ t: number, read: number, text: string, snapshot?: boolean }} Piece */
/**
 * @typedef {{ startedAt: number, pieces: Piece[], doneAt: number | null,
 *   status: string | null, eventTypes: Record<string, number>, upstream?: string }} StreamResult
 */

/** The instance behind nginx that answered (scenario 10's nginx names it; absent otherwise). */
const upstreamOf = (/** @type {import('node:http').IncomingHttpHeaders} */ headers) => {
  const value = headers['x-versus-upstream'];
  return typeof value === 'string' ? value : undefined;
};

/**
 * @param {string} appUrl
 * @param {Array<{ backendId: string, model: string }>} lineup
 * @param {'parallel' | 'sequential'} [runMode]
 * @returns {Promise<{ id: string, slots: Array<{ id: string }> }>}
 */
export async function createConversation(appUrl, lineup, runMode = 'parallel') {
  const res = await request(`${appUrl}/api/conversations`, {
    body: { lineup: lineup.map((slot) => ({ ...slot, params: {} })), runMode },
  });
  if (res.status !== 201) throw new Error(`create conversation: ${res.status} ${res.text}`);
  return res.json.conversation;
}

/**
 * Sends a prompt; resolves with the new messages' ids (in slot order) and when it was sent.
 * @param {string} appUrl
 * @param {string} conversationId
 * @param {string} prompt
 */
export async function postTurn(appUrl, conversationId, prompt) {
  const sentAt = now();
  const res = await request(`${appUrl}/api/conversations/${conversationId}/turns`, {
    body: { prompt },
  });
  if (res.status !== 201) throw new Error(`post turn: ${res.status} ${res.text}`);
  /** @type {string[]} */
  const messageIds = res.json.turn.messages.map((/** @type {{ id: string }} */ m) => m.id);
  return { sentAt, answeredAt: sentAt + res.ms, messageIds, upstream: upstreamOf(res.headers) };
}

/** One message's events as they arrive, gathered into a StreamResult. */
class MessageRecorder {
  /** @param {number} startedAt */
  constructor(startedAt) {
    /** @type {import('./clients.mjs').StreamResult} */
    this.result = { startedAt, pieces: [], doneAt: null, status: null, eventTypes: {} };
  }

  /**
   * @param {any} event
   * @param {import('./http.mjs').SseFrame} frame
   */
  add(event, frame) {
    const { result } = this;
    result.eventTypes[event.type] = (result.eventTypes[event.type] ?? 0) + 1;
    if (event.type === 'content')
      result.pieces.push({ t: frame.t, read: frame.read, text: event.text });
    // Text sent before the client subscribed arrives in the snapshot: it counts, flagged. A
    // later snapshot (an instance relaying another's message may send one) replaces it all, as
    // the API asks; the tokens it repeats then count as arriving with it.
    if (event.type === 'snapshot') {
      result.pieces = [];
      if (event.content) {
        result.pieces.push({ t: frame.t, read: frame.read, text: event.content, snapshot: true });
      }
    }
    if (event.type === 'done') {
      result.doneAt = frame.t;
      result.status = event.status;
    }
  }
}

/**
 * Follows several messages on one connection (GET /api/events?m=…&m=…), as the UI does for
 * every running message of a page; each event names its message.
 * @param {string} appUrl
 * @param {string[]} messageIds
 * @param {number} startedAt
 * @returns {Promise<StreamResult[]>}
 */
export async function followMessages(appUrl, messageIds, startedAt) {
  const recorders = new Map(messageIds.map((id) => [id, new MessageRecorder(startedAt)]));
  const query = messageIds.map((id) => `m=${encodeURIComponent(id)}`).join('&');
  const res = await readSse(`${appUrl}/api/events?${query}`, {
    onFrame(frame) {
      const event = JSON.parse(frame.data);
      recorders.get(event.messageId)?.add(event, frame);
    },
  });
  if (res.status !== 200) throw new Error(`events ${query}: HTTP ${res.status}`);
  const upstream = upstreamOf(res.headers);
  return messageIds.map((id) => ({
    .../** @type {MessageRecorder} */ (recorders.get(id)).result,
    upstream,
  }));
}

/**
 * A turn as the browser makes it: POST, then one event stream for all of its messages.
 * @param {string} appUrl
 * @param {string} conversationId
 * @param {string} prompt
 */
export async function runTurn(appUrl, conversationId, prompt) {
  const turn = await postTurn(appUrl, conversationId, prompt);
  const streams = await followMessages(appUrl, turn.messageIds, turn.sentAt);
  return { ...turn, streams };
}

/**
 * The physical limit: the same request straight to the fake's OpenAI endpoint.
 * @param {string} openaiUrl base URL ending in /v1
 * @param {string} model
 * @param {string} prompt
 * @returns {Promise<StreamResult>}
 */
export async function directStream(openaiUrl, model, prompt) {
  /** @type {Piece[]} */
  const pieces = [];
  let doneAt = null;
  let status = null;
  const res = await readSse(`${openaiUrl}/chat/completions`, {
    body: {
      model,
      messages: [{ role: 'user', content: prompt }],
      stream: true,
      stream_options: { include_usage: true },
    },
    onFrame(frame) {
      if (frame.data === '[DONE]') {
        doneAt = frame.t;
        return;
      }
      const chunk = JSON.parse(frame.data);
      const choice = chunk.choices?.[0];
      const text = choice?.delta?.content;
      if (text) pieces.push({ t: frame.t, read: frame.read, text });
      if (choice?.finish_reason) status = 'done';
    },
  });
  if (res.status !== 200) throw new Error(`direct ${model}: HTTP ${res.status}`);
  return { startedAt: res.sentAt, pieces, doneAt, status, eventTypes: {} };
}
