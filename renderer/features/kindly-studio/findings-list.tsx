import { CircleAlert, CircleCheck, Info, TriangleAlert } from 'lucide-react';
import type { Finding } from './model/findings.js';

const ICON = { error: CircleAlert, warning: TriangleAlert, note: Info } as const;
const WORD = { error: 'Error', warning: 'Warning', note: 'Note' } as const;

/**
 * The validator's findings: errors (Kindly would reject or misread the reply), warnings (accepted
 * but probably not meant) and notes. With `onSelect`, each one jumps to its place.
 */
export function FindingsList({
  findings,
  onSelect,
  title = 'Findings',
}: {
  findings: readonly Finding[];
  onSelect?: (finding: Finding) => void;
  title?: string;
}) {
  return (
    <section className="ks-findings" aria-label={title}>
      {findings.length === 0 ? (
        <p className="ks-findings-clean">
          <CircleCheck size={14} aria-hidden="true" /> No findings: Kindly would accept this reply.
        </p>
      ) : (
        <ul>
          {findings.map((finding, index) => {
            const Icon = ICON[finding.severity];
            const body = (
              <>
                <Icon size={13} aria-hidden="true" className="ks-finding-icon" />
                <span className="visually-hidden">{WORD[finding.severity]}: </span>
                <span className="ks-finding-path mono">{finding.path || '(reply)'}</span>
                <span className="ks-finding-message">{finding.message}</span>
              </>
            );
            return (
              <li
                key={`${finding.code}-${finding.path}-${index}`}
                className={`ks-finding ks-finding-${finding.severity}`}
              >
                {onSelect ? (
                  <button
                    type="button"
                    className="ks-finding-button"
                    onClick={() => onSelect(finding)}
                    title="Show in the JSON"
                  >
                    {body}
                  </button>
                ) : (
                  <div className="ks-finding-button">{body}</div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
