import type { BackendChunk, ReasoningFormat } from './types';

const OPEN = '<think>';
const CLOSE = '</think>';
const LEADING_WHITESPACE = /^\s*/;
const LEADING_NEWLINES = /^[\r\n]*/;

/** Length of the longest suffix of `text` that is a proper prefix of `tag`. */
function partialTagLength(text: string, tag: string): number {
  for (let length = Math.min(text.length, tag.length - 1); length > 0; length--) {
    if (text.endsWith(tag.slice(0, length))) return length;
  }
  return 0;
}

/**
 * Splits streamed text that may carry R1-style `<think>…</think>` tags into reasoning and
 * content. Tags may be cut at any chunk boundary, so a chunk's end that could still become a
 * tag is held until the next push; everything else leaves in the same call (no buffering).
 * Text that shows in neither stream (a tag, what is held) still leaves as a `hidden` chunk: it
 * was a token, and time to first token counts it.
 *
 * Three formats reach it: a leading `<think>` block (Ollama without `think`, raw vLLM), a
 * bare `</think>` after reasoning whose opening tag sat in the prompt template (R1 distills on
 * vLLM without a reasoning parser; answered with `reclassify`), and plain content. Until one of
 * them shows (an opening tag, a bare close, or reasoning in its own field) content may still
 * turn out to be reasoning, and leaves marked `tentative`. With `reasoningFirst` (the model was
 * seen closing a bare `</think>` before) the text is reasoning from the first token instead.
 */
export class ThinkTagSplitter {
  #state: 'start' | 'reasoning' | 'content' = 'start';
  #held = '';
  #dropNewlines = false;
  #contentEmitted = false;
  /** A bare `</think>` can only mean "that was reasoning" before any other reasoning signal. */
  #bareCloseMeansReasoning = true;
  readonly #reasoningFirst: boolean;
  /** The reasoning block was opened by a `<think>` in the text, not by the prompt template. */
  #openedByTag = false;
  #format: ReasoningFormat | null = null;

  constructor({ reasoningFirst = false }: { reasoningFirst?: boolean } = {}) {
    this.#reasoningFirst = reasoningFirst;
    // Told by the caller: a bare `</think>` ends the reasoning; content after it is the answer.
    if (reasoningFirst) this.#bareCloseMeansReasoning = false;
  }

  /** How this stream's reasoning arrived, once it has shown it. */
  get format(): ReasoningFormat | null {
    return this.#format;
  }

  /** Reasoning that arrived in its own field (`thinking`, `reasoning_content`). */
  reasoning(text: string): BackendChunk[] {
    if (!text) return [];
    const out: BackendChunk[] = [];
    this.#bareCloseMeansReasoning = false;
    this.#setFormat(out, 'field');
    // The server separates reasoning itself after all: what comes as content is the answer.
    if (this.#reasoningFirst && this.#state === 'start') this.#state = 'content';
    out.push({ type: 'reasoning', text });
    return out;
  }

  push(text: string): BackendChunk[] {
    const out: BackendChunk[] = [];
    let rest = this.#held + text;
    this.#held = '';
    while (rest) {
      if (this.#state === 'start') rest = this.#start(rest, out);
      else if (this.#state === 'reasoning') rest = this.#inReasoning(rest, out);
      else rest = this.#inContent(rest, out);
    }
    if (text && !out.some((chunk) => chunk.type === 'reasoning' || chunk.type === 'content')) {
      out.push({ type: 'hidden' });
    }
    return out;
  }

  /** Releases whatever was held back as a possible tag: the stream is over, so it was text. */
  end(): BackendChunk[] {
    const held = this.#held;
    this.#held = '';
    if (!held) return [];
    const out: BackendChunk[] = [];
    const reasoning =
      this.#state === 'reasoning' || (this.#state === 'start' && this.#reasoningFirst);
    this.#emit(out, reasoning ? 'reasoning' : 'content', held);
    return out;
  }

  /** Before any text: whitespace, then maybe an opening (or a bare closing) tag. */
  #start(text: string, out: BackendChunk[]): string {
    const lead = LEADING_WHITESPACE.exec(text)?.[0].length ?? 0;
    const afterLead = text.slice(lead);
    if (afterLead.startsWith(OPEN)) {
      this.#state = 'reasoning';
      this.#openedByTag = true;
      this.#bareCloseMeansReasoning = false;
      this.#setFormat(out, 'tags');
      return afterLead.slice(OPEN.length);
    }
    // Whitespace-only reasoning before a bare close ("\n</think>\n\n") is no reasoning at all.
    if (afterLead.startsWith(CLOSE) && (this.#bareCloseMeansReasoning || this.#reasoningFirst)) {
      if (this.#reasoningFirst) {
        this.#state = 'reasoning';
        return afterLead;
      }
      this.#closeBare(out);
      return afterLead.slice(CLOSE.length);
    }
    const couldBecomeTag =
      OPEN.startsWith(afterLead) || (this.#bareCloseMeansReasoning && CLOSE.startsWith(afterLead));
    if (couldBecomeTag) {
      this.#held = text;
      return '';
    }
    // Reasoning first: no tag opens the block, the prompt template did.
    this.#state = this.#reasoningFirst ? 'reasoning' : 'content';
    return text;
  }

  #inReasoning(text: string, out: BackendChunk[]): string {
    const close = text.indexOf(CLOSE);
    if (close >= 0) {
      this.#emit(out, 'reasoning', text.slice(0, close));
      this.#setFormat(out, this.#openedByTag ? 'tags' : 'closing-tag');
      this.#state = 'content';
      this.#dropNewlines = true;
      return text.slice(close + CLOSE.length);
    }
    return this.#emitHoldingPartial(out, 'reasoning', text, CLOSE);
  }

  #inContent(text: string, out: BackendChunk[]): string {
    let rest = text;
    if (this.#dropNewlines) {
      rest = rest.slice(LEADING_NEWLINES.exec(rest)?.[0].length ?? 0);
      if (!rest) return '';
      this.#dropNewlines = false;
    }
    if (!this.#bareCloseMeansReasoning) {
      this.#emit(out, 'content', rest);
      return '';
    }
    const close = rest.indexOf(CLOSE);
    if (close >= 0) {
      const before = rest.slice(0, close);
      this.#closeBare(out);
      this.#emit(out, 'reasoning', before);
      return rest.slice(close + CLOSE.length);
    }
    return this.#emitHoldingPartial(out, 'content', rest, CLOSE);
  }

  /** A closing tag without an opening one: everything before it was reasoning. */
  #closeBare(out: BackendChunk[]): void {
    if (this.#contentEmitted) out.push({ type: 'reclassify' });
    this.#bareCloseMeansReasoning = false;
    this.#setFormat(out, 'closing-tag');
    this.#state = 'content';
    this.#dropNewlines = true;
  }

  #setFormat(out: BackendChunk[], format: ReasoningFormat): void {
    if (this.#format) return;
    this.#format = format;
    out.push({ type: 'format', format });
  }

  #emitHoldingPartial(
    out: BackendChunk[],
    type: 'reasoning' | 'content',
    text: string,
    tag: string,
  ): string {
    const partial = partialTagLength(text, tag);
    this.#emit(out, type, text.slice(0, text.length - partial));
    this.#held = text.slice(text.length - partial);
    return '';
  }

  #emit(out: BackendChunk[], type: 'reasoning' | 'content', text: string): void {
    if (!text) return;
    if (type === 'reasoning') {
      out.push({ type, text });
      return;
    }
    this.#contentEmitted = true;
    // Undecided: a bare `</think>` may still turn this into reasoning.
    out.push(this.#bareCloseMeansReasoning ? { type, text, tentative: true } : { type, text });
  }
}
