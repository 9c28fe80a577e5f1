import { Check, X } from 'lucide-react';
import type { MethodOutput } from '../../../shared/contract/index.js';
import { StatusPill } from '../../components/badges.js';
import { BodyViewer } from '../../components/body-viewer.js';
import { HeadersTable } from '../../components/headers-table.js';
import { headerValue } from '../../lib/body.js';
import { CONDITION_LABEL, type ConditionKind } from './endpoint-draft.js';

export type RuleTestOutput = MethodOutput<'endpoints.testRule'>;

function conditionLabel(condition: string): string {
  return CONDITION_LABEL[condition as ConditionKind] ?? condition;
}

/** What `endpoints.testRule` said: each condition against the capture, and the rendered response. */
export function RuleTestResult({
  result,
  captureId,
  enabled,
}: {
  result: RuleTestOutput;
  captureId: number;
  /** A disabled rule is skipped however well it matches: say so. */
  enabled: boolean;
}) {
  return (
    <section
      className={`rule-test ${result.matched ? 'rule-test-match' : 'rule-test-miss'}`}
      aria-label="Test result"
    >
      <header className="rule-test-header">
        {result.matched ? <Check size={15} aria-hidden="true" /> : <X size={15} aria-hidden="true" />}
        <strong>{result.matched ? 'Matches' : 'Does not match'}</strong>
        <span className="muted">capture #{captureId}</span>
      </header>
      {!enabled && (
        <p className="form-help">This rule is off: requests skip it until you turn it on and save.</p>
      )}
      {result.conditions.length === 0 ? (
        <p className="form-help">No conditions: the rule matches every request.</p>
      ) : (
        <table className="kv-table rule-test-conditions">
          <tbody>
            {result.conditions.map((condition, index) => (
              <tr key={index}>
                <th scope="row">
                  <span className={condition.matched ? 'rule-test-yes' : 'rule-test-no'}>
                    {condition.matched ? '✓' : '✗'}
                  </span>{' '}
                  {conditionLabel(condition.condition)}
                </th>
                <td className="mono break">
                  {condition.actual === null ? <span className="muted">(missing)</span> : condition.actual}
                  {condition.inputTruncated && (
                    <div className="truncation-note">Only the first part of a long input was searched.</div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.error && <div className="inline-error">{result.error}</div>}
      {result.response && (
        <div className="rule-test-response">
          <div className="rule-test-response-line">
            <span className="field-label">
              {result.matched ? 'Would answer' : 'Would answer if it matched'}
            </span>
            <StatusPill status={result.response.status} />
            {result.response.delayMs > 0 && <span className="muted">after {result.response.delayMs} ms</span>}
          </div>
          <HeadersTable headers={result.response.headers} />
          <BodyViewer
            body={result.response.body}
            contentType={headerValue(result.response.headers, 'content-type')}
            label="Rendered response body"
          />
        </div>
      )}
    </section>
  );
}
