import { Lock, Plus, X } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { DASHLY_ID_PATTERN } from '../../../shared/dashly/presets.js';
import type { ConversationDetail } from '../../../shared/model/conversation.js';
import {
  assignConversation,
  closeDashlyConversation,
  tagConversation,
  type ActionOutcome,
} from '../../state/dashly-actions.js';
import { useSettings } from '../settings/use-settings.js';
import { useSender } from './sender-picker.js';
import { adminLabel, useDashlyAdmins } from './use-dashly-admins.js';

const UNASSIGNED = '';
const OTHER = '__other';

interface Outcome {
  tone: 'ok' | 'error';
  text: string;
}

/** Runs one action at a time and keeps its outcome for the status line. */
function useActionRunner() {
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const clearTimer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(clearTimer.current), []);
  const run = async (name: string, action: () => Promise<ActionOutcome>, done: string): Promise<boolean> => {
    setBusy(name);
    setOutcome(null);
    window.clearTimeout(clearTimer.current);
    const result = await action();
    setBusy(null);
    if (result.ok) {
      setOutcome({ tone: 'ok', text: done });
      clearTimer.current = window.setTimeout(() => setOutcome(null), 4000);
    } else {
      setOutcome({ tone: 'error', text: result.error });
    }
    return result.ok;
  };
  return { busy, outcome, run, dismiss: () => setOutcome(null) };
}

function ActionStatus({
  busy,
  outcome,
  dismiss,
}: {
  busy: string | null;
  outcome: Outcome | null;
  dismiss: () => void;
}) {
  return (
    <>
      {busy && (
        <div className="operator-status" role="status">
          Calling Dashly ({busy})…
        </div>
      )}
      {outcome && (
        <div
          className={`operator-status operator-status-${outcome.tone}`}
          role={outcome.tone === 'error' ? 'alert' : 'status'}
        >
          <span>{outcome.text}</span>
          {outcome.tone === 'error' && (
            <button type="button" className="icon-button" aria-label="Dismiss" onClick={dismiss}>
              <X size={13} aria-hidden="true" />
            </button>
          )}
        </div>
      )}
    </>
  );
}

/** Whether actions can be sent now, and why not. */
function useDisabledReason(): string | null {
  const settings = useSettings();
  const { error: senderError } = useSender();
  if (settings?.secrets['dashly.apiToken'] !== 'set') return 'Set the Dashly API token in Settings first';
  return senderError ? `Sender: ${senderError}` : null;
}

/**
 * Closes the conversation, after a confirmation: Dashly documents no call to reopen it.
 */
export function CloseConversation({ thread }: { thread: ConversationDetail }) {
  const { fromAdmin } = useSender();
  const disabledReason = useDisabledReason();
  const { busy, outcome, run, dismiss } = useActionRunner();
  const [confirmClose, setConfirmClose] = useState(false);
  const key = thread.key;
  return (
    <div className="operator-close" title={disabledReason ?? undefined}>
      {thread.closed ? null : confirmClose ? (
        <>
          <span className="muted">Dashly has no reopen call.</span>
          <button
            type="button"
            className="button button-small button-danger-solid"
            disabled={busy !== null}
            onClick={() => {
              setConfirmClose(false);
              void run('close', () => closeDashlyConversation(key, fromAdmin), 'Conversation closed.');
            }}
          >
            Close it
          </button>
          <button type="button" className="button button-small" onClick={() => setConfirmClose(false)}>
            Cancel
          </button>
        </>
      ) : (
        <button
          type="button"
          className="button button-small"
          disabled={disabledReason !== null || busy !== null}
          onClick={() => setConfirmClose(true)}
        >
          <Lock size={13} aria-hidden="true" /> Close conversation…
        </button>
      )}
      <ActionStatus busy={busy} outcome={outcome} dismiss={dismiss} />
    </div>
  );
}

/**
 * Assign and tag a Dashly conversation through the Web API, as the sender picked in the
 * composer. What Dashly answered is shown right here; the thread gets the event line as well.
 */
export function OperatorActions({ thread }: { thread: ConversationDetail }) {
  const admins = useDashlyAdmins();
  const { fromAdmin } = useSender();
  const disabledReason = useDisabledReason();
  const { busy, outcome, run, dismiss } = useActionRunner();
  const [newTag, setNewTag] = useState('');
  const [assignChoice, setAssignChoice] = useState<string | null>(null);
  const [otherId, setOtherId] = useState('');
  const assignId = useId();

  const key = thread.key;
  const current = thread.assignee?.id ?? UNASSIGNED;
  const choice = assignChoice ?? current;
  const assignTarget = choice === OTHER ? otherId.trim() : choice;
  const assignValid = assignTarget === UNASSIGNED || DASHLY_ID_PATTERN.test(assignTarget);
  const assigneeKnown = current === UNASSIGNED || admins.some((admin) => admin.id === current);

  const addTag = async () => {
    const tag = newTag.trim();
    if (!tag) return;
    if (await run('tag', () => tagConversation(key, tag, false, fromAdmin), `Tag “${tag}” added.`))
      setNewTag('');
  };
  const assign = async () => {
    const target = assignTarget === UNASSIGNED ? null : assignTarget;
    const name = target === null ? null : (admins.find((admin) => admin.id === target)?.name ?? target);
    const ok = await run(
      'assign',
      () => assignConversation(key, target, fromAdmin),
      target === null ? 'Unassigned.' : `Assigned to ${name}.`,
    );
    if (ok) setAssignChoice(null);
  };

  return (
    <div className="operator" role="group" aria-label="Operator actions" title={disabledReason ?? undefined}>
      <div className="operator-row">
        <div className="operator-group" role="group" aria-label="Tags">
          <span className="operator-label">Tags</span>
          {thread.tags.length === 0 && <span className="muted">none</span>}
          {thread.tags.map((tag) => (
            <span key={tag} className="tag-chip">
              {tag}
              <button
                type="button"
                className="tag-chip-remove"
                aria-label={`Remove tag ${tag}`}
                title={`Remove tag ${tag}`}
                disabled={disabledReason !== null || busy !== null}
                onClick={() =>
                  void run('tag', () => tagConversation(key, tag, true, fromAdmin), `Tag “${tag}” removed.`)
                }
              >
                <X size={11} aria-hidden="true" />
              </button>
            </span>
          ))}
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              void addTag();
            }}
          >
            <input
              className="input input-compact input-tag"
              aria-label="New tag"
              placeholder="add tag"
              maxLength={255}
              value={newTag}
              disabled={disabledReason !== null}
              onChange={(event) => setNewTag(event.target.value)}
            />
            <button
              type="submit"
              className="button button-small"
              disabled={disabledReason !== null || busy !== null || newTag.trim() === ''}
            >
              <Plus size={13} aria-hidden="true" /> Add tag
            </button>
          </form>
        </div>

        <div className="operator-group">
          <label className="operator-label" htmlFor={assignId}>
            Assignee
          </label>
          <select
            id={assignId}
            className="input input-compact"
            value={choice}
            disabled={disabledReason !== null}
            onChange={(event) => setAssignChoice(event.target.value)}
          >
            <option value={UNASSIGNED}>Unassigned</option>
            {!assigneeKnown && (
              <option value={current}>
                {thread.assignee?.name ?? 'Admin'} ({current})
              </option>
            )}
            {admins.map((admin) => (
              <option key={admin.id} value={admin.id}>
                {adminLabel(admin)}
              </option>
            ))}
            <option value={OTHER}>Other admin id…</option>
          </select>
          {choice === OTHER && (
            <input
              className="input input-compact input-id"
              aria-label="Assignee admin id"
              inputMode="numeric"
              placeholder="admin id"
              value={otherId}
              onChange={(event) => setOtherId(event.target.value)}
            />
          )}
          <button
            type="button"
            className="button button-small"
            disabled={disabledReason !== null || busy !== null || !assignValid || assignTarget === current}
            onClick={() => void assign()}
          >
            {assignTarget === UNASSIGNED && current !== UNASSIGNED ? 'Unassign' : 'Assign'}
          </button>
        </div>
      </div>
      <ActionStatus busy={busy} outcome={outcome} dismiss={dismiss} />
    </div>
  );
}
