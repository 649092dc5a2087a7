/**
 * One thing wrong in a threshold's text and where: `column` is 1-based in the text as written
 * (phase prefix included), so an author can count to it in their editor.
 */
export class SyntaxProblem extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
    this.name = 'SyntaxProblem';
  }
}

/** A piece of the threshold text and the column it starts at. */
export interface Token {
  text: string;
  column: number;
}

/** Reads a threshold left to right; every token remembers its column for messages. */
export class Scanner {
  private pos = 0;

  constructor(readonly text: string) {}

  /** 1-based column of the next unread character (one past the end when all is read). */
  get column(): number {
    return this.pos + 1;
  }

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  skipSpaces(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] as string)) this.pos++;
  }

  /** Moves to `index` (0-based), e.g. past a phase prefix. */
  seek(index: number): void {
    this.pos = index;
  }

  /** The longest run of characters matching `char` from here; empty when the next one does not. */
  takeWhile(char: RegExp): Token {
    const start = this.pos;
    while (this.pos < this.text.length && char.test(this.text[this.pos] as string)) this.pos++;
    return { text: this.text.slice(start, this.pos), column: start + 1 };
  }

  /** Whatever is left, trimmed at the end. */
  rest(): Token {
    const token = { text: this.text.slice(this.pos).trimEnd(), column: this.pos + 1 };
    this.pos = this.text.length;
    return token;
  }
}
