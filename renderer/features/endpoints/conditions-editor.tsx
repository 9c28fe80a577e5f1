import { X } from 'lucide-react';
import { FieldError } from '../../components/field-error.js';
import type { FieldProblem } from '../../lib/field-problems.js';
import { CONDITION_KINDS, CONDITION_LABEL, type ConditionKind, type MatchDraft } from './endpoint-draft.js';

const HELP: Record<ConditionKind, string> = {
  text: 'Literal text anywhere in the message; never a regex.',
  textEquals: 'The whole message, surrounding spaces ignored.',
  textRegex: 'RE2 pattern searched in the message (no backreferences or lookaround).',
  method: 'The HTTP method, e.g. POST.',
  path: 'The exact path without the query; * matches any run of characters (/kindly/*).',
  header: 'A header with exactly this value; the name in any case.',
  bodyRegex: 'RE2 pattern searched in the raw body text.',
  jsonPath:
    'A path into the payload (context.store, items[0].id). Equals: JSON or plain text; empty: the path exists.',
};

const PLACEHOLDER: Partial<Record<ConditionKind, string>> = {
  text: 'opening hours',
  textEquals: 'hi',
  textRegex: '^order\\s+#?\\d+',
  method: 'POST',
  path: '/kindly/*',
  bodyRegex: '"type":\\s*"reply_user"',
};

function present(match: MatchDraft, kind: ConditionKind): boolean {
  return match[kind] !== null;
}

function emptyValue(kind: ConditionKind): MatchDraft[ConditionKind] {
  if (kind === 'header') return { name: '', value: '' };
  if (kind === 'jsonPath') return { path: '', equals: '' };
  return '';
}

/** A rule's conditions: each one present can be edited or removed; all must hold. */
export function ConditionsEditor({
  match,
  onChange,
  label,
  at,
  problems,
}: {
  match: MatchDraft;
  onChange: (match: MatchDraft) => void;
  /** E.g. "Rule 2": prefixes the fields' accessible names. */
  label: string;
  /** Problem path of the match, e.g. `rules.1.match`. */
  at: string;
  problems: readonly FieldProblem[];
}) {
  const set = (patch: Partial<MatchDraft>) => onChange({ ...match, ...patch });
  const shown = CONDITION_KINDS.filter((kind) => present(match, kind));
  const addable = CONDITION_KINDS.filter((kind) => !present(match, kind));
  const textual = match.text !== null || match.textEquals !== null || match.textRegex !== null;
  const caseMatters = textual || match.bodyRegex !== null || match.header !== null;

  return (
    <div className="conditions-editor">
      {shown.length === 0 && <p className="form-help">No conditions: this rule matches every request.</p>}
      {shown.map((kind) => (
        <div key={kind} className="condition-row">
          <span className="condition-label">{CONDITION_LABEL[kind]}</span>
          <div className="condition-fields">
            {kind === 'header' && match.header ? (
              <div className="condition-pair">
                <input
                  className="input mono"
                  aria-label={`${label} header name`}
                  placeholder="Header name"
                  value={match.header.name}
                  onChange={(event) =>
                    set({ header: { name: event.target.value, value: match.header?.value ?? '' } })
                  }
                />
                <input
                  className="input mono"
                  aria-label={`${label} header value`}
                  placeholder="Exact value"
                  value={match.header.value}
                  onChange={(event) =>
                    set({ header: { name: match.header?.name ?? '', value: event.target.value } })
                  }
                />
              </div>
            ) : kind === 'jsonPath' && match.jsonPath ? (
              <div className="condition-pair">
                <input
                  className="input mono"
                  aria-label={`${label} JSON path`}
                  placeholder="context.store"
                  value={match.jsonPath.path}
                  onChange={(event) =>
                    set({ jsonPath: { path: event.target.value, equals: match.jsonPath?.equals ?? '' } })
                  }
                />
                <input
                  className="input mono"
                  aria-label={`${label} JSON value equals`}
                  placeholder='equals (e.g. "oslo", 42) — empty: exists'
                  value={match.jsonPath.equals}
                  onChange={(event) =>
                    set({ jsonPath: { path: match.jsonPath?.path ?? '', equals: event.target.value } })
                  }
                />
              </div>
            ) : (
              <input
                className="input mono condition-input"
                aria-label={`${label} ${CONDITION_LABEL[kind].toLowerCase()}`}
                aria-invalid={problems.some(
                  (problem) => problem.path === `${at}.${kind}` || problem.path.startsWith(`${at}.${kind}.`),
                )}
                placeholder={PLACEHOLDER[kind]}
                value={(match[kind] as string | null) ?? ''}
                onChange={(event) => set({ [kind]: event.target.value })}
              />
            )}
            <span className="form-help">{HELP[kind]}</span>
            <FieldError problems={problems} path={`${at}.${kind}`} />
          </div>
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove the ${CONDITION_LABEL[kind].toLowerCase()} condition from ${label.toLowerCase()}`}
            title="Remove this condition"
            onClick={() => set({ [kind]: null })}
          >
            <X size={14} />
          </button>
        </div>
      ))}
      <div className="conditions-footer">
        {addable.length > 0 && (
          <select
            className="input"
            aria-label={`Add a condition to ${label.toLowerCase()}`}
            value=""
            onChange={(event) => {
              const kind = event.target.value as ConditionKind;
              if (kind) set({ [kind]: emptyValue(kind) });
            }}
          >
            <option value="">+ Add a condition…</option>
            {addable.map((kind) => (
              <option key={kind} value={kind}>
                {CONDITION_LABEL[kind]}
              </option>
            ))}
          </select>
        )}
        <label className={`checkbox-line ${caseMatters ? '' : 'muted'}`}>
          <input
            type="checkbox"
            checked={match.caseInsensitive}
            onChange={(event) => set({ caseInsensitive: event.target.checked })}
          />
          Ignore case (message, regexes, header value)
        </label>
      </div>
      <FieldError problems={problems} path={`${at}.caseInsensitive`} />
    </div>
  );
}
