import { useState } from 'react';
import { formatBytes } from '../lib/format.js';

/**
 * Payload text can be megabytes on one line; laying all of it out freezes the page. These show the
 * first part and say so, with the rest one click away. The text is always rendered as text.
 */
export const TEXT_PREVIEW_CHARS = 256 * 1024;
/** For text inside other layouts (chat bubbles, tree values, table cells). */
export const INLINE_PREVIEW_CHARS = 20 * 1024;

function useCut(text: string, limit: number): [string, boolean, () => void] {
  const [full, setFull] = useState(false);
  const cut = !full && text.length > limit;
  return [cut ? text.slice(0, limit) : text, cut, () => setFull(true)];
}

/** A `<pre>` block of text, cut at `limit` characters until the user asks for all of it. */
export function LongText({ text, limit = TEXT_PREVIEW_CHARS }: { text: string; limit?: number }) {
  const [shown, cut, showAll] = useCut(text, limit);
  return (
    <div>
      <pre className="code-block">{shown}</pre>
      {cut && (
        <div className="truncation-note">
          Showing the first {formatBytes(limit)} of {formatBytes(text.length)} of text.{' '}
          <button type="button" className="link-button" onClick={showAll}>
            Show all
          </button>
        </div>
      )}
    </div>
  );
}

/** Inline text (a span), cut at `limit` characters with a "show all" button after it. */
export function LongInlineText({ text, limit = INLINE_PREVIEW_CHARS }: { text: string; limit?: number }) {
  const [shown, cut, showAll] = useCut(text, limit);
  return (
    <>
      {shown}
      {cut && (
        <>
          {'… '}
          <button type="button" className="link-button" onClick={showAll}>
            Show all ({formatBytes(text.length)})
          </button>
        </>
      )}
    </>
  );
}
