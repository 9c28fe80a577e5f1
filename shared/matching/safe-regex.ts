/**
 * User-written regular expressions, run safely against untrusted payload text.
 *
 * Patterns are compiled with re2js (a pure-JS port of RE2): no backtracking, so matching time is
 * linear in the input whatever the pattern, and a hostile payload cannot make an innocent rule like
 * `(\w+\s?)*$` run for minutes as it would with JavaScript's RegExp. Linear is not free, though: on
 * RE2's NFA path the cost is about input length × program size, so the pattern's compiled size is
 * capped at save time and each match sees a bounded prefix of the input (smaller for bigger
 * programs). RE2 syntax is close to JavaScript's minus backreferences and lookaround.
 */
import { RE2JS } from 're2js';

/** Longest pattern text accepted. */
export const MAX_PATTERN_LENGTH = 1000;
/** Largest compiled program accepted (RE2's rough cost measure; `\d+` is about 5, `[a-z]{1,50}` about 100). */
export const MAX_PROGRAM_SIZE = 2000;
/** Most characters any regex ever looks at. */
export const MAX_REGEX_INPUT = 64 * 1024;
/** Fewest characters a regex looks at, however big its program. */
export const MIN_REGEX_INPUT = 4 * 1024;
/** Input length × program size allowed for one match: bounds the worst case to a fraction of a second. */
const WORK_BUDGET = 8 * 1024 * 1024;

export interface SafeRegex {
  readonly source: string;
  readonly caseInsensitive: boolean;
  /** How many leading characters of an input this pattern is run on. */
  readonly inputLimit: number;
  /** True when the pattern occurs anywhere in the first `inputLimit` characters of `input`. */
  test(input: string): boolean;
}

export type CompileResult = { ok: true; regex: SafeRegex } | { ok: false; error: string };

/** Compiles a user pattern, or explains why it is not accepted. Never throws. */
export function compileSafeRegex(source: string, options: { caseInsensitive?: boolean } = {}): CompileResult {
  if (source.length === 0) return { ok: false, error: 'The pattern is empty.' };
  if (source.length > MAX_PATTERN_LENGTH)
    return { ok: false, error: `The pattern is longer than ${MAX_PATTERN_LENGTH} characters.` };
  const caseInsensitive = options.caseInsensitive === true;
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(source, caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: `Invalid pattern (RE2 syntax: no backreferences or lookaround): ${message}`,
    };
  }
  const size = compiled.programSize();
  if (size > MAX_PROGRAM_SIZE)
    return {
      ok: false,
      error: `The pattern is too complex (program size ${size}, at most ${MAX_PROGRAM_SIZE}); simplify repetitions like {1,500}.`,
    };
  const inputLimit = Math.max(
    MIN_REGEX_INPUT,
    Math.min(MAX_REGEX_INPUT, Math.floor(WORK_BUDGET / Math.max(1, size))),
  );
  return {
    ok: true,
    regex: {
      source,
      caseInsensitive,
      inputLimit,
      test: (input) => compiled.test(input.length > inputLimit ? input.slice(0, inputLimit) : input),
    },
  };
}

/** Validation only: the error message, or null when the pattern is accepted. */
export function regexProblem(source: string, caseInsensitive = false): string | null {
  const result = compileSafeRegex(source, { caseInsensitive });
  return result.ok ? null : result.error;
}
