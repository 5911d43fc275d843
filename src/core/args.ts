/** Splits a command line into words (quotes group words) and hands them out one at a time. */
import { usageError } from "../errors.js";

/** Typographic quotes phones and word processors type, read as the straight ones. */
export function straightenQuotes(text: string): string {
  return text.replace(/[“”„‟«»]/g, '"').replace(/[‘’‚‛]/g, "'");
}

/** Splits on white space; "double" or 'single' quotes (curly ones too) keep a phrase together. Unclosed quotes are an error. */
export function tokenize(typed: string): string[] {
  const line = straightenQuotes(typed);
  const words: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(line)) !== null) {
    const word = match[1] ?? match[2] ?? match[3] ?? "";
    if (match[3] && /["']/.test(match[3]) && /^["']/.test(match[3])) throw usageError("A quote is not closed.");
    words.push(word);
  }
  return words;
}

/** The words after the command name, consumed left to right by a command's parser. */
export class Args {
  private index = 0;
  constructor(private readonly words: string[]) {}

  /** The next word without consuming it. */
  peek(): string | undefined {
    return this.words[this.index];
  }

  /** The next word, or undefined at the end. */
  next(): string | undefined {
    return this.words[this.index++];
  }

  /** The next word, or a usage error naming what was expected. */
  required(what: string): string {
    const word = this.next();
    if (word === undefined || word === "") throw usageError(`Missing ${what}.`);
    return word;
  }

  /** All remaining words joined by spaces (empty when none). */
  rest(): string {
    const rest = this.words.slice(this.index).join(" ");
    this.index = this.words.length;
    return rest;
  }

  /** True when every word was consumed. */
  done(): boolean {
    return this.index >= this.words.length;
  }

  /** Refuses leftover words, so typos are never silently ignored. */
  end(): void {
    if (!this.done()) throw usageError(`Unexpected "${this.words.slice(this.index).join(" ")}".`);
  }
}
