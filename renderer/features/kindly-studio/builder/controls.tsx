import { ArrowDown, ArrowUp, CircleAlert, Info, Plus, Trash2, TriangleAlert } from 'lucide-react';
import { useId, useState, type ReactNode } from 'react';
import { formatJsonPath } from '../../../../shared/kindly/json-path.js';
import { findingsAt, worstWithin } from '../model/findings.js';
import { looseModeOf, looseText, parseLoose, type LooseMode } from '../model/loose-value.js';
import { getAt, moveItem, setAt, setOptionalText, type JsonObject } from '../model/reply-edit.js';
import type { PathSegments } from '../model/reply-json-schema.js';
import { useBuilder } from './builder-context.js';

/** The validator's findings exactly at `path`, under the control that edits it. */
export function IssueHints({ path }: { path: PathSegments }) {
  const { findings } = useBuilder();
  const here = findingsAt(findings, path);
  if (here.length === 0) return null;
  return (
    <ul className="ks-hints">
      {here.map((finding, index) => (
        <li key={`${finding.code}-${index}`} className={`ks-hint ks-hint-${finding.severity}`}>
          {finding.severity === 'error' ? (
            <CircleAlert size={12} aria-hidden="true" />
          ) : finding.severity === 'warning' ? (
            <TriangleAlert size={12} aria-hidden="true" />
          ) : (
            <Info size={12} aria-hidden="true" />
          )}
          <span>{finding.message}</span>
        </li>
      ))}
    </ul>
  );
}

/** A labelled control with the findings at its path below it. */
function Field({
  id,
  label,
  path,
  wide,
  children,
}: {
  id: string;
  label: ReactNode;
  path: PathSegments;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={`ks-field ${wide ? 'ks-field-wide' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      <IssueHints path={path} />
    </div>
  );
}

function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Text bound to a path. Optional texts disappear from the JSON when emptied; required ones stay
 * as `""` so the validator can point at them.
 */
export function TextInput({
  path,
  label,
  optional = true,
  multiline = false,
  placeholder,
  mono = false,
  wide = false,
  rows = 3,
}: {
  path: PathSegments;
  label: string;
  optional?: boolean;
  multiline?: boolean;
  placeholder?: string;
  mono?: boolean;
  wide?: boolean;
  rows?: number;
}) {
  const { root, update } = useBuilder();
  const id = useId();
  const value = asText(getAt(root, path));
  const onChange = (text: string) =>
    update((current) => (optional ? setOptionalText(current, path, text) : setAt(current, path, text)));
  const className = `ks-input ${mono ? 'mono' : ''}`;
  return (
    <Field id={id} label={label} path={path} wide={wide || multiline}>
      {multiline ? (
        <textarea
          id={id}
          className={className}
          rows={rows}
          value={value}
          placeholder={placeholder}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <input
          id={id}
          type="text"
          className={className}
          value={value}
          placeholder={placeholder}
          spellCheck={!mono}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

/** A number bound to a path: what is typed stays while it is not a number yet ("-", "1."). */
export function NumberInput({
  path,
  label,
  step,
  placeholder,
}: {
  path: PathSegments;
  label: string;
  step?: number;
  placeholder?: string;
}) {
  const { root, update } = useBuilder();
  const id = useId();
  const current = getAt(root, path);
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? (current === undefined ? '' : asText(current));
  return (
    <Field id={id} label={label} path={path}>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        className="ks-input ks-input-number"
        value={shown}
        placeholder={placeholder}
        onChange={(event) => {
          const text = event.target.value;
          setDraft(text);
          if (text.trim() === '') update((root) => setAt(root, path, undefined));
          else if (Number.isFinite(Number(text))) update((root) => setAt(root, path, Number(text)));
        }}
        onBlur={() => setDraft(null)}
        aria-invalid={draft !== null && draft.trim() !== '' && !Number.isFinite(Number(draft))}
        {...(step !== undefined ? { step } : {})}
      />
    </Field>
  );
}

/** A boolean bound to a path; with `removeWhenOff` an unchecked box removes the key. */
export function CheckboxInput({
  path,
  label,
  removeWhenOff = true,
}: {
  path: PathSegments;
  label: string;
  removeWhenOff?: boolean;
}) {
  const { root, update } = useBuilder();
  const id = useId();
  const value = getAt(root, path);
  return (
    <div className="ks-check">
      <input
        id={id}
        type="checkbox"
        checked={value === true}
        onChange={(event) =>
          update((current) =>
            setAt(current, path, event.target.checked ? true : removeWhenOff ? undefined : false),
          )
        }
      />
      <label htmlFor={id}>{label}</label>
      <IssueHints path={path} />
    </div>
  );
}

/** A choice bound to a path; a value the list does not know is kept and shown as such. */
export function SelectInput({
  path,
  label,
  options,
  onSelect,
}: {
  path: PathSegments;
  label: string;
  options: readonly { value: string; label: string }[];
  /** Replaces the plain set (e.g. a button type change that also drops keys). */
  onSelect?: (value: string) => void;
}) {
  const { root, update } = useBuilder();
  const id = useId();
  const current = getAt(root, path);
  const known = options.some((option) => option.value === current);
  const value = typeof current === 'string' ? current : '';
  return (
    <Field id={id} label={label} path={path}>
      <select
        id={id}
        className="ks-input"
        value={value}
        onChange={(event) =>
          onSelect ? onSelect(event.target.value) : update((root) => setAt(root, path, event.target.value))
        }
      >
        {!known && <option value={value}>{value === '' ? '(missing)' : `${value} (unknown)`}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** Any JSON value in one input: as text (a string) or as JSON (numbers, booleans, objects). */
export function LooseValueInput({
  path,
  label,
  multiline = false,
  removeWhenEmpty = false,
}: {
  path: PathSegments;
  label: string;
  multiline?: boolean;
  /** An empty text input removes the key (for optional values like a default). */
  removeWhenEmpty?: boolean;
}) {
  const { root, update } = useBuilder();
  const id = useId();
  const current = getAt(root, path);
  const [mode, setMode] = useState<LooseMode | null>(null);
  const [draft, setDraft] = useState<string | null>(null);
  const activeMode = mode ?? looseModeOf(current);
  const shown = draft ?? looseText(current, activeMode);
  const parsed = draft === null ? null : parseLoose(draft, activeMode);
  const commit = (text: string, nextMode: LooseMode) => {
    setDraft(text);
    if (removeWhenEmpty && text === '') {
      update((root) => setAt(root, path, undefined));
      return;
    }
    const result = parseLoose(text, nextMode);
    if (result.ok) update((root) => setAt(root, path, result.value));
  };
  const inputProps = {
    id,
    className: `ks-input ${activeMode === 'json' ? 'mono' : ''}`,
    value: shown,
    'aria-invalid': parsed?.ok === false,
    onBlur: () => setDraft(null),
  };
  return (
    <div className={`ks-field ${multiline ? 'ks-field-wide' : ''}`}>
      <div className="ks-field-label-line">
        <label htmlFor={id}>{label}</label>
        <select
          className="ks-mode"
          aria-label={`${label}: value type`}
          value={activeMode}
          onChange={(event) => {
            const next = event.target.value as LooseMode;
            setMode(next);
            commit(shown, next);
          }}
        >
          <option value="text">text</option>
          <option value="json">JSON</option>
        </select>
      </div>
      {multiline ? (
        <textarea {...inputProps} rows={4} onChange={(event) => commit(event.target.value, activeMode)} />
      ) : (
        <input {...inputProps} type="text" onChange={(event) => commit(event.target.value, activeMode)} />
      )}
      {parsed?.ok === false && <div className="ks-hint ks-hint-error">{parsed.error}</div>}
      <IssueHints path={path} />
    </div>
  );
}

/** A group for one part of the reply: marked by its worst finding, found by the findings list. */
export function Block({
  path,
  title,
  actions,
  children,
  className = '',
}: {
  path: PathSegments;
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const { findings } = useBuilder();
  const worst = worstWithin(findings, path);
  const titleId = useId();
  return (
    <div
      role="group"
      aria-labelledby={titleId}
      className={`ks-block ${worst ? `ks-block-${worst}` : ''} ${className}`}
      data-path={formatJsonPath(path)}
    >
      <div className="ks-block-header">
        <span id={titleId} className="ks-block-title">
          {title}
        </span>
        <span className="ks-block-actions">{actions}</span>
      </div>
      <div className="ks-block-body">{children}</div>
    </div>
  );
}

/** Move up / move down / remove for an item of an array. */
export function ItemActions({
  arrayPath,
  index,
  count,
  name,
}: {
  arrayPath: PathSegments;
  index: number;
  count: number;
  /** e.g. "button 2", for the buttons' accessible names. */
  name: string;
}) {
  const { update } = useBuilder();
  return (
    <>
      <button
        type="button"
        className="icon-button"
        aria-label={`Move ${name} up`}
        title="Move up"
        disabled={index === 0}
        onClick={() => update((root) => moveItem(root, arrayPath, index, index - 1))}
      >
        <ArrowUp size={14} />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={`Move ${name} down`}
        title="Move down"
        disabled={index === count - 1}
        onClick={() => update((root) => moveItem(root, arrayPath, index, index + 1))}
      >
        <ArrowDown size={14} />
      </button>
      <button
        type="button"
        className="icon-button icon-button-danger"
        aria-label={`Remove ${name}`}
        title="Remove"
        onClick={() => update((root) => setAt(root, [...arrayPath, index], undefined))}
      >
        <Trash2 size={14} />
      </button>
    </>
  );
}

/** "+ Add …" under a list. */
export function AddButton({
  label,
  onClick,
  disabled,
  title,
}: {
  label: string;
  onClick: () => void;
  disabled?: boolean;
  title?: string;
}) {
  return (
    <button
      type="button"
      className="button button-small ks-add"
      onClick={onClick}
      disabled={disabled}
      title={title}
    >
      <Plus size={13} aria-hidden="true" /> {label}
    </button>
  );
}

/** Whether the value at `path` is an object (parts of a reply the builder can open). */
export function objectAt(root: JsonObject, path: PathSegments): JsonObject | null {
  const value = getAt(root, path);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
}

/** Items of the array at `path`, or null when it is not an array. */
export function arrayAt(root: JsonObject, path: PathSegments): unknown[] | null {
  const value = getAt(root, path);
  return Array.isArray(value) ? (value as unknown[]) : null;
}

/** Shown in place of a part whose JSON has a shape the builder cannot edit. */
export function NotEditable({ what }: { what: string }) {
  return (
    <div className="ks-not-editable">{what} is not in a shape the builder can edit; fix it in the JSON.</div>
  );
}

/** A collapsible sub-part (context, more texts, validators): open at first when it has content. */
export function Disclosure({
  summary,
  help,
  initiallyOpen,
  children,
}: {
  summary: ReactNode;
  help?: string;
  initiallyOpen: boolean;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <details className="ks-details" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        {summary}
        {help && <span className="ks-details-help">{help}</span>}
      </summary>
      {open && <div className="ks-details-body">{children}</div>}
    </details>
  );
}
