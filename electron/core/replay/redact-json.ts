/**
 * Replaces the values of JSON object members with the given names (any case, at any depth, a
 * whole object or array included) by `replacement` as a JSON string, leaving every other byte of the text as it
 * was: spacing, key order, number spellings (64-bit ids), escapes. Payload text is untrusted: it is
 * validated with JSON.parse first (which copes with any nesting depth) and then scanned without
 * recursion; invalid JSON is left alone. Answers null when nothing was replaced.
 */
export function redactJsonMembers(
  text: string,
  names: ReadonlySet<string>,
  replacement: string,
  found: string[],
): string | null {
  try {
    JSON.parse(text);
  } catch {
    return null;
  }
  const edits: [start: number, end: number][] = [];
  // One frame per open object or array; in an object, whether the next string is a member's name.
  const stack: { object: boolean; expectName: boolean }[] = [];
  let armed = false; // the next value belongs to a member being redacted
  let redactFrom = -1; // start of an object or array value being replaced whole
  let redactDepth = 0;
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    const top = stack.at(-1);
    if (char === '"') {
      const end = stringEnd(text, index);
      if (top?.object && top.expectName) {
        top.expectName = false;
        if (redactFrom < 0) {
          const name = JSON.parse(text.slice(index, end)) as string;
          if (names.has(name.toLowerCase())) {
            armed = true;
            found.push(`json:${name}`);
          }
        }
      } else if (armed) {
        edits.push([index, end]);
        armed = false;
      }
      index = end;
      continue;
    }
    if (char === '{' || char === '[') {
      if (armed) {
        redactFrom = index;
        redactDepth = stack.length;
        armed = false;
      }
      stack.push({ object: char === '{', expectName: char === '{' });
    } else if (char === '}' || char === ']') {
      stack.pop();
      if (redactFrom >= 0 && stack.length === redactDepth) {
        edits.push([redactFrom, index + 1]);
        redactFrom = -1;
      }
    } else if (char === ',') {
      if (top?.object) top.expectName = true;
    } else if (char !== ':' && !isJsonSpace(char)) {
      // A number, true, false or null: it runs to the next delimiter.
      let end = index + 1;
      while (end < text.length && !isScalarEnd(text[end]!)) end++;
      if (armed) {
        edits.push([index, end]);
        armed = false;
      }
      index = end;
      continue;
    }
    index++;
  }
  if (edits.length === 0) return null;
  const value = JSON.stringify(replacement);
  const parts: string[] = [];
  let from = 0;
  for (const [start, end] of edits) {
    parts.push(text.slice(from, start), value);
    from = end;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/** The index just past the closing quote of the string starting at `start` (valid JSON). */
function stringEnd(text: string, start: number): number {
  let index = start + 1;
  while (text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
  return index + 1;
}

function isJsonSpace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r';
}

function isScalarEnd(char: string): boolean {
  return char === ',' || char === ']' || char === '}' || isJsonSpace(char);
}
