const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes bytes as UTF-8 when they are text; null for binary (invalid UTF-8 or control bytes). */
export function decodeText(bytes: Buffer, maxBytes = Number.POSITIVE_INFINITY): string | null {
  const slice = bytes.length > maxBytes ? bytes.subarray(0, maxBytes) : bytes;
  let text: string;
  try {
    // A cut body may end inside a character: stream mode tolerates that, but keeps the partial bytes
    // for the next call, so it gets a decoder of its own (a shared one would leak into the next body).
    text =
      bytes.length > maxBytes
        ? new TextDecoder('utf-8', { fatal: true }).decode(slice, { stream: true })
        : decoder.decode(slice);
  } catch {
    return null;
  }
  // NUL and most C0 controls do not appear in text payloads.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000e-\u001a]/u.test(text.slice(0, 4096))) return null;
  return text;
}

/** One line of at most `max` characters, for list summaries. */
export function oneLine(text: string, max = 200): string {
  const line = text.replace(/\s+/gu, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}
