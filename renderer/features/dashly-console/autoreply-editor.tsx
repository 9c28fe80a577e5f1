import { ArrowDown, ArrowUp, Plus, Trash2 } from 'lucide-react';
import { useEffect, useId, useMemo, useState } from 'react';
import type { AutoReplyConfig, AutoReplyRule } from '../../../shared/model/autoreply.js';
import { ApiCallError, call } from '../../api/client.js';
import { loadAutoReplies } from '../../state/dashly-actions.js';
import { useAppStore } from '../../state/store.js';
import { useSettings } from '../settings/use-settings.js';

interface RuleDraft {
  /** Local identity, so React keeps each row's inputs while rules move. */
  uid: number;
  phrase: string;
  answer: string;
  regex: boolean;
  endpoint: string;
}

interface Draft {
  cooldownSeconds: string;
  rules: RuleDraft[];
}

let nextUid = 1;

function toDraft(config: AutoReplyConfig): Draft {
  return {
    cooldownSeconds: String(config.cooldownSeconds),
    rules: config.rules.map((rule) => ({
      uid: nextUid++,
      phrase: rule.phrase,
      answer: rule.answer,
      regex: rule.regex === true,
      endpoint: rule.endpoint ?? '',
    })),
  };
}

function toRules(draft: Draft): AutoReplyRule[] {
  return draft.rules.map((rule) => ({
    phrase: rule.phrase,
    answer: rule.answer,
    ...(rule.regex ? { regex: true } : {}),
    ...(rule.endpoint.trim() ? { endpoint: rule.endpoint.trim() } : {}),
  }));
}

function sameConfig(draft: Draft, saved: AutoReplyConfig): boolean {
  return (
    Number(draft.cooldownSeconds) === saved.cooldownSeconds &&
    JSON.stringify(toRules(draft)) ===
      JSON.stringify(
        saved.rules.map((rule) => ({
          phrase: rule.phrase,
          answer: rule.answer,
          ...(rule.regex ? { regex: true } : {}),
          ...(rule.endpoint ? { endpoint: rule.endpoint } : {}),
        })),
      )
  );
}

const FIELD_LABEL: Record<string, string> = { phrase: 'Phrase', answer: 'Answer', endpoint: 'Endpoint' };

/** The server's refusal, per rule: `details.ruleIndex` (regex checks) or validation `issues` paths. */
function ruleErrors(error: unknown): { perRule: Map<number, string[]>; general: string | null } {
  const perRule = new Map<number, string[]>();
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof ApiCallError)) return { perRule, general: message };
  const details = error.details as
    { ruleIndex?: unknown; issues?: { path?: unknown; message?: unknown }[] } | undefined;
  const add = (index: number, text: string) => perRule.set(index, [...(perRule.get(index) ?? []), text]);
  if (typeof details?.ruleIndex === 'number') {
    add(details.ruleIndex, message.replace(/^Rule \d+: /u, ''));
    return { perRule, general: null };
  }
  const leftover: string[] = [];
  for (const issue of details?.issues ?? []) {
    const path = Array.isArray(issue.path) ? issue.path.map(String) : [];
    const text = typeof issue.message === 'string' ? issue.message : 'invalid';
    if (path[0] === 'rules' && path[1] !== undefined && /^\d+$/u.test(path[1])) {
      const field = path[2] ? (FIELD_LABEL[path[2]] ?? path[2]) : null;
      add(Number(path[1]), field ? `${field}: ${text}` : text);
    } else {
      leftover.push(path.length ? `${path.join('.')}: ${text}` : text);
    }
  }
  if (perRule.size === 0 && leftover.length === 0) return { perRule, general: message };
  return { perRule, general: leftover.length ? leftover.join(' · ') : null };
}

function RuleRow({
  rule,
  index,
  count,
  errors,
  onChange,
  onMove,
  onRemove,
}: {
  rule: RuleDraft;
  index: number;
  count: number;
  errors: string[] | undefined;
  onChange: (patch: Partial<RuleDraft>) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const n = index + 1;
  return (
    <li className={`rule ${errors ? 'rule-invalid' : ''}`} aria-label={`Rule ${n}`}>
      <div className="rule-head">
        <span className="rule-number">Rule {n}</span>
        <span className="capture-spacer" />
        <button
          type="button"
          className="icon-button"
          aria-label={`Move rule ${n} up`}
          title="Move up (tried earlier)"
          disabled={index === 0}
          onClick={() => onMove(-1)}
        >
          <ArrowUp size={14} />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`Move rule ${n} down`}
          title="Move down (tried later)"
          disabled={index === count - 1}
          onClick={() => onMove(1)}
        >
          <ArrowDown size={14} />
        </button>
        <button
          type="button"
          className="icon-button icon-button-danger"
          aria-label={`Remove rule ${n}`}
          title="Remove"
          onClick={onRemove}
        >
          <Trash2 size={14} />
        </button>
      </div>
      <div className="rule-grid">
        <label htmlFor={`${id}-phrase`}>When a message {rule.regex ? 'matches' : 'contains'}</label>
        <div className="rule-line">
          <input
            id={`${id}-phrase`}
            type="text"
            className={`input ${rule.regex ? 'mono' : ''}`}
            spellCheck={!rule.regex}
            placeholder={rule.regex ? '^(hi|hello)\\b' : 'opening hours'}
            value={rule.phrase}
            onChange={(event) => onChange({ phrase: event.target.value })}
          />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={rule.regex}
              onChange={(event) => onChange({ regex: event.target.checked })}
            />
            regex
          </label>
        </div>
        <label htmlFor={`${id}-answer`}>Answer</label>
        <textarea
          id={`${id}-answer`}
          className="input"
          rows={2}
          value={rule.answer}
          onChange={(event) => onChange({ answer: event.target.value })}
        />
        <label htmlFor={`${id}-endpoint`}>Only on path</label>
        <input
          id={`${id}-endpoint`}
          type="text"
          className="input mono input-endpoint"
          spellCheck={false}
          placeholder="any listener path, or e.g. /dashly/shop"
          value={rule.endpoint}
          onChange={(event) => onChange({ endpoint: event.target.value })}
        />
      </div>
      {errors && (
        <ul className="rule-errors" role="alert">
          {errors.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

function EnabledSwitch({ saved }: { saved: AutoReplyConfig }) {
  // Shown at once while the change is saved; the saved value wins again when the call ends.
  const [pending, setPending] = useState<boolean | null>(null);
  const id = useId();
  return (
    <div className="form-row">
      <label className="switch-row" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          role="switch"
          checked={pending ?? saved.enabled}
          disabled={pending !== null}
          onChange={(event) => {
            const enabled = event.target.checked;
            setPending(enabled);
            // The switch applies at once, to the saved rules; unsaved edits below stay drafts.
            void call('autoreplies.save', { ...saved, enabled })
              .then((config) => {
                useAppStore.setState({ autoReplies: config });
                useAppStore.getState().showToast(enabled ? 'Auto-responder on.' : 'Auto-responder off.');
              })
              .catch((error: unknown) => useAppStore.getState().showToast((error as Error).message, 'error'))
              .finally(() => setPending(null));
          }}
        />
        <span>Answer incoming messages automatically</span>
      </label>
      <p className="form-help">Applies at once. Turning it off stops every rule; the rules are kept.</p>
    </div>
  );
}

/**
 * Settings → Auto-responder: the dictionary bot of Dashly's help page, done safely. Rules are
 * tried in order; the server validates them (regexes included) and its complaints are shown on
 * the rule they concern.
 */
export function AutoReplyEditor() {
  const saved = useAppStore((state) => state.autoReplies);
  const settings = useSettings();
  const [draft, setDraft] = useState<{ base: AutoReplyConfig; value: Draft } | null>(null);
  const [errors, setErrors] = useState<{ perRule: Map<number, string[]>; general: string | null } | null>(
    null,
  );
  const [saving, setSaving] = useState(false);
  const cooldownId = useId();
  // Made once per saved config, so rows keep their identity (and focus) until edited.
  const pristine = useMemo(() => (saved ? toDraft(saved) : null), [saved]);

  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    if (saved === null) void loadAutoReplies().then(setLoadError);
  }, [saved]);
  if (loadError && !saved) return <div className="inline-error">Could not load the rules: {loadError}</div>;
  if (!saved || !pristine) return <div className="muted">Loading…</div>;

  // A draft made from an older saved config is replaced when the config changes elsewhere.
  const current = draft && draft.base === saved ? draft.value : pristine;
  const dirty = !sameConfig(current, saved);
  const edit = (value: Draft) => setDraft({ base: saved, value });
  const editRule = (uid: number, patch: Partial<RuleDraft>) =>
    edit({
      ...current,
      rules: current.rules.map((rule) => (rule.uid === uid ? { ...rule, ...patch } : rule)),
    });
  const tokenSet = settings?.secrets['dashly.apiToken'] === 'set';

  const save = async () => {
    setSaving(true);
    setErrors(null);
    try {
      const config = await call('autoreplies.save', {
        enabled: saved.enabled,
        cooldownSeconds: Number(current.cooldownSeconds),
        rules: toRules(current),
      });
      useAppStore.setState({ autoReplies: config });
      setDraft(null);
      useAppStore.getState().showToast('Auto-responder saved.');
    } catch (error) {
      setErrors(ruleErrors(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <p className="section-intro">
        Rules answer incoming Dashly user messages through the same reply path as the composer; the replies
        are marked <em>auto-reply</em> in the thread. Never answered: operator, bot, note and system parts, or
        the app’s own replies. At most one auto-reply per conversation per cooldown; with an expected webhook
        token set, only webhooks carrying it are answered.
      </p>
      {!tokenSet && (
        <p className="form-help form-error">No Dashly API token is set: rules cannot answer until it is.</p>
      )}
      <EnabledSwitch saved={saved} />
      <div className="form-row">
        <label htmlFor={cooldownId}>Cooldown per conversation (seconds)</label>
        <div className="form-control-line">
          <input
            id={cooldownId}
            type="number"
            min={1}
            max={86400}
            step={1}
            value={current.cooldownSeconds}
            onChange={(event) => edit({ ...current, cooldownSeconds: event.target.value })}
          />
        </div>
      </div>
      <h3 className="subsection-title">Rules, tried in order (the first match answers)</h3>
      {current.rules.length === 0 && <p className="muted">No rules yet.</p>}
      <ol className="rule-list">
        {current.rules.map((rule, index) => (
          <RuleRow
            key={rule.uid}
            rule={rule}
            index={index}
            count={current.rules.length}
            errors={errors?.perRule.get(index)}
            onChange={(patch) => editRule(rule.uid, patch)}
            onMove={(delta) => {
              const rules = [...current.rules];
              const [moved] = rules.splice(index, 1);
              if (moved) rules.splice(index + delta, 0, moved);
              setErrors(null);
              edit({ ...current, rules });
            }}
            onRemove={() => {
              setErrors(null);
              edit({ ...current, rules: current.rules.filter((other) => other.uid !== rule.uid) });
            }}
          />
        ))}
      </ol>
      {errors?.general && (
        <div className="inline-error" role="alert">
          {errors.general}
        </div>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="button button-small"
          onClick={() =>
            edit({
              ...current,
              rules: [
                ...current.rules,
                { uid: nextUid++, phrase: '', answer: '', regex: false, endpoint: '' },
              ],
            })
          }
        >
          <Plus size={13} aria-hidden="true" /> Add rule
        </button>
        <span className="capture-spacer" />
        {dirty && (
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              setDraft(null);
              setErrors(null);
            }}
          >
            Discard changes
          </button>
        )}
        <button
          type="button"
          className="button button-small button-primary"
          disabled={!dirty || saving}
          onClick={() => void save()}
        >
          {saving ? 'Saving…' : 'Save changes'}
        </button>
      </div>
    </>
  );
}
