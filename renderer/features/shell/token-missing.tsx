import { KeyRound } from 'lucide-react';

/** Shown when this tab has no valid API token (opened without the printed URL, or a stale tab). */
export function TokenMissing({ rejected }: { rejected: boolean }) {
  return (
    <div className="token-missing-page">
      <KeyRound size={28} aria-hidden="true" />
      <h1>
        {rejected ? 'This tab’s access key is no longer valid' : 'Open Convoscope from its printed link'}
      </h1>
      <p>
        The inspector needs the access key that Convoscope prints when it starts, in the line
        <code>Inspector UI: http://127.0.0.1:…/#token=…</code>. Open that exact link
        {rejected ? ' again (a restart makes a new key)' : ''}.
      </p>
    </div>
  );
}
