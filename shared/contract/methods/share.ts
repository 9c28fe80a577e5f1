import { z } from 'zod';
import { BodyDto, HeaderList } from '../../model/http.js';
import { CaptureFilterInput, ExportFormat, ReplayEdits, ReplayTarget } from '../../model/replay.js';
import { defineMethod } from '../define.js';
import { CaptureId } from './captures.js';

export const shareMethods = {
  'captures.export': defineMethod({
    description:
      'Exports captures (`ids`, or a `filter`, or all) as HAR 1.2 or NDJSON of raw captures, oldest first, one page at a time: pass `next` back as `cursor` until it is null. Secrets are redacted unless `redact` is false.',
    input: z
      .object({
        ids: z.array(CaptureId).min(1).max(100_000).optional(),
        filter: CaptureFilterInput.optional(),
        format: ExportFormat,
        /** Replace Authorization, Cookie, Kindly-HMAC, the Dashly `token` field… with `[REDACTED]` (default true). */
        redact: z.boolean().default(true),
        /** More header / form-field / query names to redact (besides the defaults and `export.redactNames`). */
        redactNames: z.array(z.string().min(1).max(200)).max(200).default([]),
        cursor: z.string().max(40).optional(),
        /** Output budget per page (default 8 MiB). */
        maxBytes: z
          .number()
          .int()
          .min(1024)
          .max(64 * 1024 * 1024)
          .default(8 * 1024 * 1024),
      })
      .refine((input) => !(input.ids && input.filter), 'Give either ids or filter, not both.'),
    output: z.object({
      format: ExportFormat,
      /** A HAR document (each page is a complete one: concatenate `log.entries` to merge) or NDJSON lines. */
      data: z.string(),
      mimeType: z.string(),
      count: z.number().int(),
      next: z.string().nullable(),
      redacted: z.boolean(),
    }),
  }),
  'captures.import': defineMethod({
    description:
      'Imports a HAR file or NDJSON of raw captures (as `captures.export` writes them): bytes and headers exactly as in the file, parsed like received captures and marked `imported`. Unreadable entries are reported, the rest imported.',
    input: z.object({ format: ExportFormat, data: z.string().max(256 * 1024 * 1024) }),
    output: z.object({
      imported: z.number().int(),
      /** First ids created (at most 1,000). */
      ids: z.array(z.number().int()),
      errors: z.array(z.object({ at: z.string(), message: z.string() })),
    }),
  }),
  'captures.curl': defineMethod({
    description:
      'A cURL command that sends the capture (or its replay with `edits`) to `target` (default the listener): exact body, headers in order. A binary body is read from a file (`bodyFile`).',
    input: z.object({
      id: CaptureId,
      target: ReplayTarget.default({ kind: 'listener' }),
      edits: ReplayEdits.optional(),
      resign: z.boolean().default(true),
      /** Redact secrets as exports do (default false: the command is meant to run). */
      redact: z.boolean().default(false),
    }),
    output: z.object({
      command: z.string(),
      /** For a binary body: save these bytes as `name` before running the command. */
      bodyFile: z.object({ name: z.string(), base64: z.string() }).nullable(),
      notes: z.array(z.string()),
    }),
  }),
  'curl.parse': defineMethod({
    description:
      'Reads a cURL command (bash, zsh or Windows cmd quoting) into a request to edit and send with `captures.compose` (template `custom`). Never runs anything.',
    input: z.object({
      command: z
        .string()
        .min(1)
        .max(16 * 1024 * 1024),
    }),
    output: z.object({
      method: z.string(),
      url: z.string(),
      /** Path and query of `url`, for a listener target. */
      path: z.string(),
      headers: HeaderList,
      body: BodyDto,
      /** The body as UTF-8 text; null when it is binary. */
      bodyText: z.string().nullable(),
      warnings: z.array(z.string()),
    }),
  }),
};
