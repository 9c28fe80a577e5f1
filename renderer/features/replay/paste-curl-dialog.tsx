import { ClipboardPaste } from 'lucide-react';
import { useState } from 'react';
import { ApiCallError, call } from '../../api/client.js';
import { openCompose } from '../../state/replay-actions.js';
import { DialogActions } from './dialog-actions.js';
import { DialogFrame } from './dialog-frame.js';

/** Reads a pasted cURL command into the Compose view's custom request; never runs it. */
export function PasteCurlDialog({ onClose }: { onClose: () => void }) {
  const [command, setCommand] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const read = async () => {
    try {
      const parsed = await call('curl.parse', { command });
      openCompose({
        method: parsed.method,
        url: parsed.url,
        path: parsed.path,
        headers: parsed.headers,
        bodyBase64: parsed.body.base64,
        warnings: parsed.warnings,
      });
      if (parsed.warnings.length > 0) setWarnings(parsed.warnings);
      else onClose();
    } catch (reason) {
      setError(reason instanceof ApiCallError ? reason.message : String(reason));
    }
  };
  return (
    <DialogFrame
      title="Paste a cURL command"
      onClose={onClose}
      footer={
        <DialogActions
          closeLabel={warnings.length ? 'Done' : 'Cancel'}
          onClose={onClose}
          action={
            warnings.length
              ? undefined
              : {
                  icon: <ClipboardPaste size={14} />,
                  label: 'Use this request',
                  disabled: command.trim() === '',
                  run: read,
                }
          }
        />
      }
    >
      <textarea
        className="body-textarea mono"
        aria-label="cURL command"
        placeholder={
          "curl 'https://example.com/hook' -H 'Content-Type: application/json' --data-raw '{\"a\":1}'"
        }
        value={command}
        spellCheck={false}
        onChange={(event) => {
          setCommand(event.target.value);
          setError(null);
        }}
      />
      <p className="form-help">bash, zsh and Windows cmd quoting are understood. Nothing is executed.</p>
      {error && (
        <div className="inline-error" role="alert">
          {error}
        </div>
      )}
      {warnings.length > 0 && (
        <div className="callout callout-warn" role="status">
          <span>
            Read, with notes:
            <ul>
              {warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          </span>
        </div>
      )}
    </DialogFrame>
  );
}
