import { useId, useState } from 'react';
import type { Rule } from '../../../shared/model/endpoint.js';
import { ApiCallError, call } from '../../api/client.js';
import { Segmented } from '../../components/segmented.js';
import { parsePairs } from './dictionary-parse.js';

/**
 * Dashly's "dictionary" bot as rules: each phrase → answer pair becomes a literal, case-insensitive
 * "message contains" rule (`endpoints.presetRules`); phrases are never compiled into regexes.
 */
export function DictionaryImport({
  provider,
  onAdd,
  onClose,
}: {
  provider: string;
  onAdd: (rules: Rule[]) => void;
  onClose: () => void;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [format, setFormat] = useState<'kindly' | 'text'>(provider === 'kindly' ? 'kindly' : 'text');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { pairs, skipped } = parsePairs(text);

  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      const { rules } = await call('endpoints.presetRules', { preset: 'dictionary', entries: pairs, format });
      onAdd(rules);
    } catch (failure) {
      setError(failure instanceof ApiCallError ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="dictionary-import" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>Import a phrase → answer dictionary</h4>
      <p className="form-help">
        The bot from Dashly’s help page: when the message contains a phrase (any case), answer with its text.
        Phrases are matched literally — characters like <code>?</code> or <code>(</code> are just text. One
        pair per line, <code>phrase = answer</code> (or a tab between them).
      </p>
      <textarea
        id={`${id}-pairs`}
        className="input mono dictionary-text"
        aria-label="Dictionary pairs, one per line"
        placeholder={
          'opening hours = We are open 10–18, Monday to Saturday.\nwhere is my order = Send me your order number, please.'
        }
        value={text}
        onChange={(event) => setText(event.target.value)}
        rows={5}
      />
      <div className="dictionary-line">
        <Segmented<'kindly' | 'text'>
          label="Answer format"
          value={format}
          onChange={setFormat}
          options={[
            { value: 'kindly', label: 'Kindly reply {"reply": …}' },
            { value: 'text', label: 'Plain text' },
          ]}
        />
        <span className="muted">
          {pairs.length} pair{pairs.length === 1 ? '' : 's'}
          {skipped > 0 ? `, ${skipped} line${skipped === 1 ? '' : 's'} without “=” skipped` : ''}
        </span>
        <span className="capture-spacer" />
        <button type="button" className="button button-small" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-small button-primary"
          disabled={pairs.length === 0 || pairs.length > 200 || busy}
          onClick={() => void add()}
        >
          Add {pairs.length || ''} rule{pairs.length === 1 ? '' : 's'}
        </button>
      </div>
      {error && <div className="inline-error">{error}</div>}
    </section>
  );
}
