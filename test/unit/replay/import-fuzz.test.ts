import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportProblem } from '../../../electron/core/replay/capture-bytes.js';
import { harEntryToCapture, parseHar } from '../../../electron/core/replay/har.js';
import { NDJSON_FORMAT, parseNdjsonLine } from '../../../electron/core/replay/ndjson.js';

/** Every failure must be an ImportProblem with a message, never a crash of another kind. */
function onlyImportProblems(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportProblem);
    expect((error as Error).message.length).toBeGreaterThan(0);
  }
}

const headerList = fc.array(fc.tuple(fc.string(), fc.string()), { maxLength: 4 });
const body = fc.record({
  base64: fc.oneof(fc.base64String(), fc.string()),
  size: fc.nat(),
  truncated: fc.boolean(),
});
/** Lines close to valid ones, so the checks past JSON parsing are exercised too. */
const nearlyValidLine = fc.record(
  {
    format: fc.constantFrom(NDJSON_FORMAT, 'other'),
    version: fc.constantFrom(1, 2, '1'),
    receivedAt: fc.oneof(fc.double(), fc.integer()),
    method: fc.string({ maxLength: 10 }),
    path: fc.string({ maxLength: 20 }),
    headers: fc.oneof(headerList, fc.anything()),
    body: fc.oneof(body, fc.anything()),
    response: fc.oneof(
      fc.constant(null),
      fc.record({
        status: fc.integer(),
        headers: headerList,
        body,
        latencyMs: fc.oneof(fc.double(), fc.constant(null)),
      }),
      fc.anything(),
    ),
  },
  { requiredKeys: [] },
);

describe('import parsers never throw anything but a clear ImportProblem', () => {
  it('NDJSON lines: arbitrary text, arbitrary JSON, nearly valid captures', () => {
    fc.assert(
      fc.property(fc.string(), (line) => onlyImportProblems(() => parseNdjsonLine(line))),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.json(), (line) => onlyImportProblems(() => parseNdjsonLine(line))),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(nearlyValidLine, (value) => {
        onlyImportProblems(() => {
          const capture = parseNdjsonLine(JSON.stringify(value));
          // What is accepted is well-formed.
          expect(Buffer.isBuffer(capture.body)).toBe(true);
          expect(capture.bodySize).toBeGreaterThanOrEqual(capture.body.length);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('HAR documents and entries: arbitrary text, arbitrary JSON, nearly valid entries', () => {
    fc.assert(
      fc.property(fc.string(), (text) => onlyImportProblems(() => parseHar(text))),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.anything(), (entries) =>
        onlyImportProblems(() =>
          parseHar(JSON.stringify({ log: { entries: Array.isArray(entries) ? entries : [entries] } })),
        ),
      ),
      { numRuns: 300 },
    );
    const entry = fc.record(
      {
        startedDateTime: fc.oneof(
          fc.string(),
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        ),
        time: fc.oneof(fc.double(), fc.anything()),
        request: fc.record(
          {
            method: fc.oneof(fc.constantFrom('GET', 'POST'), fc.string()),
            url: fc.oneof(fc.webUrl(), fc.string()),
            headers: fc.oneof(fc.array(fc.record({ name: fc.string(), value: fc.string() })), fc.anything()),
            postData: fc.oneof(
              fc.record({
                mimeType: fc.string(),
                text: fc.string(),
                _encoding: fc.constantFrom('base64', 'x'),
              }),
              fc.record({ params: fc.array(fc.anything()) }),
              fc.anything(),
            ),
            httpVersion: fc.string(),
          },
          { requiredKeys: [] },
        ),
        response: fc.oneof(
          fc.record(
            { status: fc.integer(), headers: fc.anything(), content: fc.anything() },
            { requiredKeys: [] },
          ),
          fc.anything(),
        ),
        _convoscope: fc.anything(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(entry, (value) =>
        onlyImportProblems(() => harEntryToCapture(JSON.parse(JSON.stringify(value ?? null)))),
      ),
      { numRuns: 400 },
    );
  });
});
