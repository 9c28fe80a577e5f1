/** A problem tied to a field, named as in the API request: `rules.2.match.textRegex`, `fallback.body`. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** The problems at `path` or inside it (`rules.2` covers `rules.2.match.text`). */
export function problemsUnder(problems: readonly FieldProblem[], path: string): FieldProblem[] {
  return problems.filter((problem) => problem.path === path || problem.path.startsWith(`${path}.`));
}

/** Problems re-rooted from one place to another, e.g. a rule tested alone (`rule.…`) → `rules.3.…`. */
export function reroot(problems: readonly FieldProblem[], from: string, to: string): FieldProblem[] {
  return problems.map((problem) =>
    problem.path === from || problem.path.startsWith(`${from}.`)
      ? { ...problem, path: `${to}${problem.path.slice(from.length)}` }
      : problem,
  );
}

const WORDS: Record<string, string> = {
  prefix: 'Path prefix',
  mode: 'Mode',
  target: 'Target URL',
  timeoutMs: 'Target timeout',
  holdTimeoutMs: 'Hold deadline',
  fallback: 'Fallback',
  rules: 'Rule',
  match: '',
  response: 'response',
  method: 'method',
  path: 'path',
  header: 'header',
  bodyRegex: 'body regex',
  jsonPath: 'JSON path',
  text: 'message contains',
  textEquals: 'message equals',
  textRegex: 'message regex',
  headers: 'header',
  body: 'body',
  status: 'status',
  delayMs: 'delay',
  name: 'name',
};

/** `rules.2.match.textRegex` → `Rule 3 › message regex`, for a summary of every problem. */
export function describePath(path: string): string {
  const parts = path.split('.');
  const out: string[] = [];
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index] ?? '';
    const next = parts[index + 1];
    if ((part === 'rules' || part === 'headers') && next !== undefined && /^\d+$/u.test(next)) {
      out.push(`${WORDS[part]} ${Number(next) + 1}`);
      index++;
      continue;
    }
    if (/^\d+$/u.test(part)) continue;
    const word = WORDS[part] ?? part;
    if (word) out.push(word);
  }
  return out.join(' › ');
}
