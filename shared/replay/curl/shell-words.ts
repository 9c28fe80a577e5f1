/**
 * Splits a pasted shell command into words the way a shell would, without running anything:
 * POSIX quoting ('…', "…", $'…', backslashes, line continuations) and the Windows cmd style that
 * browsers produce for "Copy as cURL (cmd)" (^-escapes). Words are bytes, because `$'\xff'` is a
 * byte, not a character. Never throws: a problem is returned as an error message.
 */

export type WordsResult =
  { ok: true; words: Uint8Array[]; warnings: string[] } | { ok: false; error: string };

const encoder = new TextEncoder();

class WordBuilder {
  private bytes: number[] = [];
  started = false;

  text(text: string): void {
    this.started = true;
    for (const byte of encoder.encode(text)) this.bytes.push(byte);
  }

  byte(value: number): void {
    this.started = true;
    this.bytes.push(value & 0xff);
  }

  take(): Uint8Array {
    const out = new Uint8Array(this.bytes);
    this.bytes = [];
    this.started = false;
    return out;
  }
}

const SIMPLE_ESCAPES: Record<string, number> = {
  a: 7,
  b: 8,
  e: 27,
  E: 27,
  f: 12,
  n: 10,
  r: 13,
  t: 9,
  v: 11,
  '\\': 92,
  "'": 39,
  '"': 34,
  '?': 63,
};

/** Reads the inside of $'…' from `start` (after the opening quote); returns the index after the closing quote. */
function readAnsiC(input: string, start: number, word: WordBuilder): number | null {
  let i = start;
  while (i < input.length) {
    const char = input[i]!;
    if (char === "'") return i + 1;
    if (char !== '\\') {
      const point = input.codePointAt(i) ?? 0;
      const full = String.fromCodePoint(point);
      word.text(full);
      i += full.length;
      continue;
    }
    const next = input[i + 1];
    if (next === undefined) return null;
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      word.byte(simple);
      i += 2;
    } else if (next === 'x') {
      const hex = /^[0-9A-Fa-f]{1,2}/u.exec(input.slice(i + 2))?.[0];
      if (hex) {
        word.byte(parseInt(hex, 16));
        i += 2 + hex.length;
      } else {
        word.text('\\x');
        i += 2;
      }
    } else if (next === 'u' || next === 'U') {
      const hex = new RegExp(`^[0-9A-Fa-f]{1,${next === 'u' ? 4 : 8}}`, 'u').exec(input.slice(i + 2))?.[0];
      const code = hex ? parseInt(hex, 16) : NaN;
      if (hex && code <= 0x10ffff) {
        word.text(String.fromCodePoint(code));
        i += 2 + hex.length;
      } else {
        word.text(`\\${next}`);
        i += 2;
      }
    } else if (/[0-7]/u.test(next)) {
      const octal = /^[0-7]{1,3}/u.exec(input.slice(i + 1))?.[0] ?? '0';
      word.byte(parseInt(octal, 8));
      i += 1 + octal.length;
    } else if (next === 'c' && input[i + 2] !== undefined) {
      word.byte(input.charCodeAt(i + 2) & 0x1f);
      i += 3;
    } else {
      word.text(`\\${next}`);
      i += 2;
    }
  }
  return null;
}

/**
 * cmd.exe, as browsers' "Copy as cURL (cmd)" writes it: never single quotes, `^` escapes and `^` at
 * a line end continues the line.
 */
function looksLikeCmd(input: string): boolean {
  return !input.includes("'") && /\^"|\^\r?\n/u.test(input);
}

/** cmd.exe first removes its `^` escapes; the program then splits the line with MSVCRT's rules. */
function cmdWords(input: string): WordsResult {
  let line = '';
  for (let i = 0; i < input.length; i++) {
    const char = input[i]!;
    if (char !== '^') {
      line += char;
      continue;
    }
    const next = input[i + 1];
    if (next === undefined) break;
    if (next === '\r' || next === '\n') {
      i += next === '\r' && input[i + 2] === '\n' ? 2 : 1;
      line += ' ';
      continue;
    }
    line += next;
    i += 1;
  }
  const words: Uint8Array[] = [];
  const word = new WordBuilder();
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (char === '\\') {
      let count = 0;
      while (line[i + count] === '\\') count++;
      if (line[i + count] === '"') {
        // 2n backslashes and a quote: n backslashes, then the quote toggles; 2n+1: n and a literal quote.
        word.text('\\'.repeat(Math.floor(count / 2)));
        if (count % 2 === 1) word.text('"');
        else inQuotes = !inQuotes;
        word.started = true;
        i += count;
      } else {
        word.text('\\'.repeat(count));
        i += count - 1;
      }
      continue;
    }
    if (char === '"') {
      if (inQuotes && line[i + 1] === '"') {
        word.text('"');
        i += 1;
        continue;
      }
      inQuotes = !inQuotes;
      word.started = true;
      continue;
    }
    if (!inQuotes && /\s/u.test(char)) {
      if (word.started) words.push(word.take());
      continue;
    }
    word.text(char);
  }
  if (inQuotes) return { ok: false, error: 'A double quote is not closed.' };
  if (word.started) words.push(word.take());
  return { ok: true, words, warnings: [] };
}

export function shellWords(input: string): WordsResult {
  if (looksLikeCmd(input)) return cmdWords(input);
  const words: Uint8Array[] = [];
  const warnings: string[] = [];
  const word = new WordBuilder();
  let variables = false;
  let i = 0;
  const end = () => {
    if (word.started) words.push(word.take());
  };
  while (i < input.length) {
    const char = input[i]!;
    if (char === '\\') {
      const next = input[i + 1];
      if (next === undefined) {
        i += 1;
        continue;
      }
      if (next === '\n') i += 2;
      else if (next === '\r' && input[i + 2] === '\n') i += 3;
      else {
        word.text(next);
        i += 2;
      }
      continue;
    }
    // PowerShell's line continuation.
    if (char === '`' && /^`\r?\n/u.test(input.slice(i))) {
      i += input[i + 1] === '\r' ? 3 : 2;
      continue;
    }
    if (/\s/u.test(char)) {
      end();
      i += 1;
      continue;
    }
    if (char === '#' && !word.started) {
      const newline = input.indexOf('\n', i);
      i = newline === -1 ? input.length : newline;
      continue;
    }
    // An unquoted `&` inside a word (a pasted URL's query) is kept; `&&`, `& `, `|`, `;` and
    // redirections end the command.
    const operator =
      char === '|' ||
      char === ';' ||
      char === '>' ||
      char === '<' ||
      (char === '&' && /^&(&|\s|$)/u.test(input.slice(i)));
    if (operator) {
      end();
      if (input.slice(i).trim().length > 1)
        warnings.push(`Everything from "${char}" on was ignored (only the curl command is read).`);
      break;
    }
    if (char === "'") {
      const close = input.indexOf("'", i + 1);
      if (close === -1) return { ok: false, error: 'A single quote is not closed.' };
      word.text(input.slice(i + 1, close));
      word.started = true;
      i = close + 1;
      continue;
    }
    if (char === '$' && input[i + 1] === "'") {
      word.started = true;
      const next = readAnsiC(input, i + 2, word);
      if (next === null) return { ok: false, error: "A $'…' quote is not closed." };
      i = next;
      continue;
    }
    if (char === '"' || (char === '$' && input[i + 1] === '"')) {
      word.started = true;
      i += char === '$' ? 2 : 1;
      let closed = false;
      while (i < input.length) {
        const inner = input[i]!;
        if (inner === '"') {
          closed = true;
          i += 1;
          break;
        }
        if (inner === '\\') {
          const next = input[i + 1];
          if (next === '\n') {
            i += 2;
            continue;
          }
          if (next !== undefined && '$`"\\'.includes(next)) {
            word.text(next);
            i += 2;
            continue;
          }
        }
        if (inner === '$' && /^\$[A-Za-z_{(]/u.test(input.slice(i))) variables = true;
        const point = input.codePointAt(i) ?? 0;
        const full = String.fromCodePoint(point);
        word.text(full);
        i += full.length;
      }
      if (!closed) return { ok: false, error: 'A double quote is not closed.' };
      continue;
    }
    if (char === '$' && /^\$[A-Za-z_{(]/u.test(input.slice(i))) variables = true;
    const point = input.codePointAt(i) ?? 0;
    const full = String.fromCodePoint(point);
    word.text(full);
    i += full.length;
  }
  end();
  if (variables)
    warnings.push('The command uses shell variables ($NAME); they were kept as written, not expanded.');
  return { ok: true, words, warnings };
}
