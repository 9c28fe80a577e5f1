import { BookOpen, Plus } from 'lucide-react';
import { useState } from 'react';
import { isUnderPrefix } from '../../../shared/matching/path-prefix.js';
import { MAX_RULES } from '../../../shared/model/endpoint.js';
import type { ProviderId } from '../../../shared/model/provider.js';
import { formatTime } from '../../lib/format.js';
import type { FieldProblem } from '../../lib/field-problems.js';
import { useAppStore } from '../../state/store.js';
import { newRuleDraft, newRuleKey, ruleDraftFrom, type RuleDraft } from './endpoint-draft.js';
import { DictionaryImport } from './dictionary-import.js';
import { RuleCard } from './rule-card.js';

const PICKER_SIZE = 100;

function pathOnly(path: string): string {
  const query = path.indexOf('?');
  return query === -1 ? path : path.slice(0, query);
}

/** Keeps keyboard focus on the control the user moved a rule with, after the list re-renders. */
function refocus(id: string | undefined): void {
  if (!id) return;
  window.requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/** The ordered rules: first enabled match wins. Add, import, reorder, enable, edit and test. */
export function RulesEditor({
  rules,
  onChange,
  prefix,
  provider,
  problems,
}: {
  rules: RuleDraft[];
  onChange: (rules: RuleDraft[]) => void;
  prefix: string;
  provider: ProviderId;
  problems: readonly FieldProblem[];
}) {
  const [expanded, setExpanded] = useState<Set<number>>(() => new Set());
  const [importing, setImporting] = useState(false);
  const [chosenCapture, setChosenCapture] = useState<number | null>(null);
  const captures = useAppStore((state) => state.captures);
  const selectedCaptureId = useAppStore((state) => state.selectedCaptureId);

  const candidates = captures.slice(0, PICKER_SIZE);
  const defaultCapture =
    selectedCaptureId ??
    candidates.find((capture) => isUnderPrefix(pathOnly(capture.path), prefix))?.id ??
    candidates[0]?.id ??
    null;
  const captureId = chosenCapture ?? defaultCapture;

  const toggle = (key: number) =>
    setExpanded((open) => {
      const next = new Set(open);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const replace = (index: number, rule: RuleDraft) =>
    onChange(rules.map((item, i) => (i === index ? rule : item)));
  const move = (index: number, delta: -1 | 1) => {
    const target = index + delta;
    const moving = rules[index];
    const other = rules[target];
    if (!moving || !other) return;
    const next = [...rules];
    next[index] = other;
    next[target] = moving;
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement.id : undefined;
    onChange(next);
    refocus(focused);
  };
  const add = (rule: RuleDraft) => {
    onChange([...rules, rule]);
    setExpanded((open) => new Set(open).add(rule.key));
  };

  return (
    <div className="rules-editor">
      <div className="rules-toolbar">
        <label className="rules-capture-picker">
          <span className="field-label">Test against</span>
          <select
            className="input"
            aria-label="Capture to test rules against"
            value={captureId ?? ''}
            disabled={candidates.length === 0}
            onChange={(event) => setChosenCapture(event.target.value ? Number(event.target.value) : null)}
          >
            {candidates.length === 0 && <option value="">No captures yet: send a webhook first</option>}
            {captureId !== null && !candidates.some((capture) => capture.id === captureId) && (
              <option value={captureId}>Capture #{captureId}</option>
            )}
            {candidates.map((capture) => (
              <option key={capture.id} value={capture.id}>
                #{capture.id} · {formatTime(capture.receivedAt)} · {capture.path.slice(0, 30)} ·{' '}
                {capture.summary.slice(0, 60)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {rules.length === 0 ? (
        <p className="form-help rules-empty">
          No rules yet. Add one, or import a phrase → answer dictionary. Without a matching rule the fallback
          below answers.
        </p>
      ) : (
        <ol className="rule-list" aria-label="Rules, first match wins">
          {rules.map((rule, index) => (
            <RuleCard
              key={rule.key}
              rule={rule}
              index={index}
              count={rules.length}
              expanded={expanded.has(rule.key)}
              onToggle={() => toggle(rule.key)}
              onChange={(next) => replace(index, next)}
              onMove={(delta) => move(index, delta)}
              onDuplicate={() => {
                const copy = { ...structuredClone(rule), key: newRuleKey() };
                const next = [...rules];
                next.splice(index + 1, 0, copy);
                onChange(next);
                setExpanded((open) => new Set(open).add(copy.key));
              }}
              onRemove={() => onChange(rules.filter((_, i) => i !== index))}
              problems={problems}
              captureId={captureId}
              provider={provider}
            />
          ))}
        </ol>
      )}
      {importing ? (
        <DictionaryImport
          provider={provider}
          onClose={() => setImporting(false)}
          onAdd={(imported) => {
            onChange([...rules, ...imported.map(ruleDraftFrom)]);
            setImporting(false);
            useAppStore
              .getState()
              .showToast(
                `Added ${imported.length} rule${imported.length === 1 ? '' : 's'}. Save to use them.`,
              );
          }}
        />
      ) : (
        <div className="rules-actions">
          <button
            type="button"
            className="button button-small"
            disabled={rules.length >= MAX_RULES}
            onClick={() => add(newRuleDraft(provider))}
          >
            <Plus size={13} aria-hidden="true" /> Add rule
          </button>
          <button type="button" className="button button-small" onClick={() => setImporting(true)}>
            <BookOpen size={13} aria-hidden="true" /> Import dictionary…
          </button>
        </div>
      )}
    </div>
  );
}
