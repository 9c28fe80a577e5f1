import type { MessageDiff } from '../../model/diff.js';
import type { HeaderList } from '../../model/http.js';
import { diffBodies } from './body-diff.js';
import { diffHeaders } from './header-diff.js';
import type { DiffBudget } from './json-rows.js';

/** One side of a comparison: a request or a response. */
export interface HttpSide {
  /** `POST /kindly` or `200`. */
  startLine: string;
  headers: HeaderList;
  body: Uint8Array;
}

export interface MessageDiffOptions {
  /** Header names left out (any case), e.g. `date`. */
  ignoreHeaders?: readonly string[];
  budget?: DiffBudget;
}

function contentType(headers: HeaderList): string | undefined {
  return headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1];
}

/** Start line, headers and body of two HTTP messages compared side by side. */
export function diffHttpMessages(
  left: HttpSide,
  right: HttpSide,
  options: MessageDiffOptions = {},
): MessageDiff {
  const headers = diffHeaders(left.headers, right.headers, options.ignoreHeaders ?? []);
  const body = diffBodies(
    { bytes: left.body, contentType: contentType(left.headers) },
    { bytes: right.body, contentType: contentType(right.headers) },
    options.budget,
  );
  const startLine = {
    left: left.startLine,
    right: right.startLine,
    equal: left.startLine === right.startLine,
  };
  return { startLine, headers, body, equal: startLine.equal && headers.changes === 0 && body.equal };
}
