import { z } from 'zod';

export const DiffStatus = z.enum(['same', 'changed', 'added', 'removed']);
export type DiffStatus = z.infer<typeof DiffStatus>;

/**
 * One line of a side-by-side view. `left`/`right` are null where that side has no line (an added or
 * removed line); `indent` is the nesting depth for JSON and form views; `path` names the JSON value
 * or form field the line shows ('' for text lines).
 */
export const DiffRow = z.object({
  status: DiffStatus,
  indent: z.number().int().nonnegative(),
  left: z.string().nullable(),
  right: z.string().nullable(),
  path: z.string(),
});
export type DiffRow = z.infer<typeof DiffRow>;

export const BodyDiffKind = z.enum(['empty', 'json', 'form', 'text', 'binary']);
export type BodyDiffKind = z.infer<typeof BodyDiffKind>;

/** A change at a JSON path or form field, for summaries and scripts. */
export const DiffChange = z.object({
  path: z.string(),
  status: DiffStatus.exclude(['same']),
  left: z.string().nullable(),
  right: z.string().nullable(),
});
export type DiffChange = z.infer<typeof DiffChange>;

export const BodyDiff = z.object({
  /** How both bodies were compared: JSON-aware, field by field, line by line, or as bytes. */
  kind: BodyDiffKind,
  equal: z.boolean(),
  rows: z.array(DiffRow),
  /** JSON paths / form fields that differ (at most 1,000); empty for text and binary. */
  changes: z.array(DiffChange),
  /** Rows or changes were cut to keep the answer bounded. */
  truncated: z.boolean(),
  leftSize: z.number().int().nonnegative(),
  rightSize: z.number().int().nonnegative(),
  /** Binary bodies: the first byte offset where they differ; null when equal or not binary. */
  firstDifference: z.number().int().nullable(),
  /** Why this kind was chosen when it is not the obvious one (e.g. one side is not valid JSON). */
  note: z.string().nullable(),
});
export type BodyDiff = z.infer<typeof BodyDiff>;

export const HeaderDiffRow = z.object({
  name: z.string(),
  status: DiffStatus,
  left: z.string().nullable(),
  right: z.string().nullable(),
});
export type HeaderDiffRow = z.infer<typeof HeaderDiffRow>;

export const HeaderDiff = z.object({
  rows: z.array(HeaderDiffRow),
  /** Rows that are not `same`. */
  changes: z.number().int().nonnegative(),
  /** Header names left out of the comparison (lower case). */
  ignored: z.array(z.string()),
});
export type HeaderDiff = z.infer<typeof HeaderDiff>;

/** The first line of each side (request line or status). */
export const StartLineDiff = z.object({
  left: z.string(),
  right: z.string(),
  equal: z.boolean(),
});

export const MessageDiff = z.object({
  startLine: StartLineDiff,
  headers: HeaderDiff,
  body: BodyDiff,
  equal: z.boolean(),
});
export type MessageDiff = z.infer<typeof MessageDiff>;
