import { ArrowDown, ArrowUp, ChevronDown, ChevronRight, Copy, FlaskConical, Trash2 } from 'lucide-react';
import { useState, type KeyboardEvent } from 'react';
import { call } from '../../api/client.js';
import { FieldError } from '../../components/field-error.js';
import { reroot, type FieldProblem } from '../../lib/field-problems.js';
import { problemsOf } from '../../state/endpoint-actions.js';
import { ConditionsEditor } from './conditions-editor.js';
import { describeMatch, ruleFromDraft, type RuleDraft } from './endpoint-draft.js';
import type { ProviderId } from '../../../shared/model/provider.js';
import { ResponseEditor } from './response-editor.js';
import { RuleTestResult, type RuleTestOutput } from './rule-test-result.js';

function inEditableField(target: EventTarget): boolean {
  return target instanceof Element && target.closest('input, textarea, select, .cm-editor') !== null;
}

/** One mock rule: a summary line that reorders and toggles, and its editor when open. */
export function RuleCard({
  rule,
  index,
  count,
  expanded,
  onToggle,
  onChange,
  onMove,
  onDuplicate,
  onRemove,
  problems,
  captureId,
  provider,
}: {
  rule: RuleDraft;
  index: number;
  count: number;
  expanded: boolean;
  onToggle: () => void;
  onChange: (rule: RuleDraft) => void;
  onMove: (delta: -1 | 1) => void;
  onDuplicate: () => void;
  onRemove: () => void;
  /** Problems from the last save, by endpoint paths (`rules.N.…`). */
  problems: readonly FieldProblem[];
  /** The capture "Test" runs against; null when there is none. */
  captureId: number | null;
  /** Whose webhooks the endpoint receives (Kindly bodies get the reply studio). */
  provider?: ProviderId;
}) {
  const label = `Rule ${index + 1}`;
  const at = `rules.${index}`;
  const [test, setTest] = useState<{ result: RuleTestOutput; captureId: number } | null>(null);
  const [testProblems, setTestProblems] = useState<FieldProblem[]>([]);
  const [testError, setTestError] = useState<string | null>(null);
  const [testing, setTesting] = useState(false);
  const shownProblems = [...problems, ...testProblems];
  const hasProblems = shownProblems.some(
    (problem) => problem.path === at || problem.path.startsWith(`${at}.`),
  );

  const runTest = async () => {
    if (captureId === null) return;
    const converted = ruleFromDraft(rule, at);
    setTestError(null);
    if (!converted.rule) {
      setTestProblems(converted.problems);
      setTest(null);
      return;
    }
    setTesting(true);
    try {
      const result = await call('endpoints.testRule', { rule: converted.rule, captureId });
      setTest({ result, captureId });
      setTestProblems([]);
    } catch (error) {
      const named = reroot(problemsOf(error), 'rule', at);
      setTestProblems(named);
      setTest(null);
      if (named.length === 0) setTestError(error instanceof Error ? error.message : String(error));
    } finally {
      setTesting(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || !event.altKey || inEditableField(event.target)) return;
    if (event.key === 'ArrowUp' && index > 0) {
      event.preventDefault();
      onMove(-1);
    } else if (event.key === 'ArrowDown' && index < count - 1) {
      event.preventDefault();
      onMove(1);
    }
  };

  return (
    <li
      className={`rule-card ${rule.enabled ? '' : 'rule-card-disabled'} ${hasProblems ? 'rule-card-invalid' : ''}`}
      aria-label={`${label}${rule.name ? `: ${rule.name}` : ''}`}
      onKeyDown={onKeyDown}
    >
      <div className="rule-card-header">
        <button
          type="button"
          id={`rule-${rule.key}-toggle`}
          className="rule-card-toggle"
          aria-expanded={expanded}
          title="Open or close this rule (Alt+↑ / Alt+↓ move it)"
          aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
          onClick={onToggle}
        >
          {expanded ? (
            <ChevronDown size={14} aria-hidden="true" />
          ) : (
            <ChevronRight size={14} aria-hidden="true" />
          )}
          <span className="rule-index">{index + 1}</span>
          <span className="rule-title">
            <span className="rule-name">{rule.name || describeMatch(rule.match)}</span>
            {rule.name && <span className="rule-summary muted">{describeMatch(rule.match)}</span>}
          </span>
          <span className="rule-status mono">→ {rule.response.status || '200'}</span>
        </button>
        <label className="rule-enabled" title="Disabled rules are skipped">
          <input
            type="checkbox"
            checked={rule.enabled}
            aria-label={`${label} enabled`}
            onChange={(event) => onChange({ ...rule, enabled: event.target.checked })}
          />
          <span>{rule.enabled ? 'On' : 'Off'}</span>
        </label>
        <button
          type="button"
          id={`rule-${rule.key}-up`}
          className="icon-button"
          aria-label={`Move ${label.toLowerCase()} up`}
          title="Move up (Alt+↑)"
          disabled={index === 0}
          onClick={() => onMove(-1)}
        >
          <ArrowUp size={14} />
        </button>
        <button
          type="button"
          id={`rule-${rule.key}-down`}
          className="icon-button"
          aria-label={`Move ${label.toLowerCase()} down`}
          title="Move down (Alt+↓)"
          disabled={index === count - 1}
          onClick={() => onMove(1)}
        >
          <ArrowDown size={14} />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`Duplicate ${label.toLowerCase()}`}
          title="Duplicate"
          onClick={onDuplicate}
        >
          <Copy size={14} />
        </button>
        <button
          type="button"
          className="icon-button icon-button-danger"
          aria-label={`Delete ${label.toLowerCase()}`}
          title="Delete this rule"
          onClick={onRemove}
        >
          <Trash2 size={14} />
        </button>
      </div>
      {expanded && (
        <div className="rule-card-body">
          <div className="field">
            <label htmlFor={`rule-${rule.key}-name`}>Name</label>
            <input
              id={`rule-${rule.key}-name`}
              className="input"
              placeholder="Optional, e.g. opening hours"
              value={rule.name}
              onChange={(event) => onChange({ ...rule, name: event.target.value })}
            />
            <FieldError problems={shownProblems} path={`${at}.name`} />
          </div>
          <h4 className="rule-section-title">When all of these hold</h4>
          <ConditionsEditor
            match={rule.match}
            onChange={(match) => onChange({ ...rule, match })}
            label={label}
            at={`${at}.match`}
            problems={shownProblems}
          />
          <h4 className="rule-section-title">Answer</h4>
          <ResponseEditor
            draft={rule.response}
            onChange={(response) => onChange({ ...rule, response })}
            label={`${label} response`}
            at={`${at}.response`}
            problems={shownProblems}
            templates
            {...(provider ? { provider } : {})}
            delay={{ value: rule.delayMs, onChange: (delayMs) => onChange({ ...rule, delayMs }) }}
          />
          <div className="rule-test-line">
            <button
              type="button"
              className="button button-small"
              disabled={captureId === null || testing}
              onClick={() => void runTest()}
              title={captureId === null ? 'Receive a webhook first, then test rules against it' : undefined}
            >
              <FlaskConical size={13} aria-hidden="true" />
              {captureId === null ? 'Test (no capture yet)' : `Test against capture #${captureId}`}
            </button>
            <span className="form-help">Runs the rule as edited, without saving or sending anything.</span>
          </div>
          {testError && <div className="inline-error">{testError}</div>}
          {test && <RuleTestResult result={test.result} captureId={test.captureId} enabled={rule.enabled} />}
        </div>
      )}
    </li>
  );
}
