import { problemsUnder, type FieldProblem } from '../lib/field-problems.js';

/** The problems the server (or a local check) named for this field, shown right under it. */
export function FieldError({
  problems,
  path,
  exact = false,
}: {
  problems: readonly FieldProblem[];
  path: string;
  /** Only problems at exactly this path (not inside it). */
  exact?: boolean;
}) {
  const mine = exact ? problems.filter((problem) => problem.path === path) : problemsUnder(problems, path);
  if (mine.length === 0) return null;
  return (
    <div className="field-error" data-field={path}>
      {mine.map((problem, index) => (
        <div key={index}>{problem.message}</div>
      ))}
    </div>
  );
}
