/** Maps full-width ASCII (ＡＢＣ１２３！) to half-width and the ideographic space to a space. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (char) =>
    char === '\u3000' ? ' ' : String.fromCharCode(char.charCodeAt(0) - 0xfee0),
  );
}

/** Whether the text is missing or only whitespace (full-width spaces included). */
export function isBlank(text: string): boolean {
  return text.trim().length === 0;
}
