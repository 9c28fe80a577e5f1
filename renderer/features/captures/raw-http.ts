import type { CaptureDetail } from '../../../shared/model/capture.js';
import { base64ToBytes } from '../../lib/body.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

function bodyText(base64: string, size: number): string {
  const bytes = base64ToBytes(base64);
  if (bytes.length === 0) return '';
  try {
    return utf8.decode(bytes);
  } catch {
    return `[${size} bytes of binary data]`;
  }
}

/** The request as it went over the wire (HTTP/1.1 framing, headers in order). */
export function rawRequestText(capture: CaptureDetail): string {
  const head = [
    `${capture.method} ${capture.path} HTTP/${capture.httpVersion}`,
    ...capture.headers.map(([n, v]) => `${n}: ${v}`),
  ];
  return `${head.join('\r\n')}\r\n\r\n${bodyText(capture.body.base64, capture.body.size)}`;
}

export function rawResponseText(capture: CaptureDetail): string | null {
  const response = capture.response;
  if (!response) return null;
  const head = [`HTTP/1.1 ${response.status}`, ...response.headers.map(([n, v]) => `${n}: ${v}`)];
  return `${head.join('\r\n')}\r\n\r\n${bodyText(response.body.base64, response.body.size)}`;
}
