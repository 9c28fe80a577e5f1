/**
 * Values that may be any JSON (context values, a field's default, `aireply.data`) edited in one text
 * input: as plain text (a string) or as JSON (a number, true, an object…). The mode is explicit so
 * "42" typed as text stays the string "42".
 */
export type LooseMode = 'text' | 'json';

export function looseModeOf(value: unknown): LooseMode {
  return typeof value === 'string' ? 'text' : 'json';
}

/** What the input shows for `value` in `mode`. */
export function looseText(value: unknown, mode: LooseMode): string {
  if (mode === 'text')
    return typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
  return value === undefined ? '' : JSON.stringify(value);
}

export type LooseParse = { ok: true; value: unknown } | { ok: false; error: string };

export function parseLoose(text: string, mode: LooseMode): LooseParse {
  if (mode === 'text') return { ok: true, value: text };
  if (text.trim() === '') return { ok: false, error: 'Type a JSON value, e.g. 42, true, null or {"a": 1}.' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: `Not JSON: ${(error as Error).message}` };
  }
}
