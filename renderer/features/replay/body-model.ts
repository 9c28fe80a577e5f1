import type { BodyInput } from '../../../shared/model/replay.js';
import { base64ToBytes, textOf } from '../../../shared/replay/bytes.js';
import { compactJson } from '../../../shared/replay/diff/json-rows.js';
import { looksLikeForm, parseForm } from '../../../shared/replay/form-codec.js';
import {
  PYTHON_STYLE,
  parseJsonExact,
  restyleJson,
  stringifyJsonStyled,
  type JsonStyle,
} from '../../../shared/replay/json-style.js';

const PRETTY: JsonStyle = { indent: 2, spaced: true, asciiOnly: false, escapeSlash: false };

export interface FormRow {
  name: string;
  value: string;
  /** Pretty JSON text being edited, when the field holds a JSON object or array (Dashly `conversation`). */
  json: string | null;
  /** The field as captured (null for added rows). */
  original: { name: string; value: string } | null;
}

/** What the body editor edits; each kind knows how to turn itself back into bytes to send. */
export type BodyModel =
  | { kind: 'json'; original: string; text: string; asTyped: boolean }
  | { kind: 'form'; original: string; rows: FormRow[] }
  | { kind: 'text'; original: string; text: string }
  | { kind: 'binary'; size: number }
  | { kind: 'empty'; text: string };

export function prettyJson(text: string): string {
  return stringifyJsonStyled(parseJsonExact(text), PRETTY);
}

function jsonOrNull(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return null;
  try {
    return prettyJson(trimmed);
  } catch {
    return null;
  }
}

export function initialBodyModel(base64: string, contentType: string | undefined): BodyModel {
  const bytes = base64ToBytes(base64) ?? new Uint8Array();
  if (bytes.length === 0) return { kind: 'empty', text: '' };
  const text = textOf(bytes);
  if (text === null) return { kind: 'binary', size: bytes.length };
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[') || /json/iu.test(contentType ?? '')) {
    try {
      return { kind: 'json', original: text, text: prettyJson(text), asTyped: false };
    } catch {
      // Not JSON after all.
    }
  }
  if (looksLikeForm(text, contentType)) {
    const rows = parseForm(trimmed).map((field): FormRow => ({
      name: field.name,
      value: field.value,
      json: jsonOrNull(field.value),
      original: { name: field.name, value: field.value },
    }));
    return { kind: 'form', original: text, rows };
  }
  return { kind: 'text', original: text, text };
}

function sameJson(a: string, b: string): boolean {
  try {
    return compactJson(parseJsonExact(a)) === compactJson(parseJsonExact(b));
  } catch {
    return false;
  }
}

/** The body to send: null when it is unchanged (the captured bytes go out exactly). */
export function bodyEdit(model: BodyModel): { body: BodyInput | null; error: string | null } {
  switch (model.kind) {
    case 'binary':
      return { body: null, error: null };
    case 'empty':
      return { body: model.text === '' ? null : { text: model.text }, error: null };
    case 'text':
      return { body: model.text === model.original ? null : { text: model.text }, error: null };
    case 'json': {
      if (model.asTyped)
        return { body: model.text === model.original ? null : { text: model.text }, error: null };
      try {
        parseJsonExact(model.text);
      } catch (error) {
        return {
          body: null,
          error: `The body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
      if (sameJson(model.text, model.original)) return { body: null, error: null };
      return { body: { text: restyleJson(model.text, model.original) }, error: null };
    }
    case 'form': {
      const fields: [string, string][] = [];
      for (const row of model.rows) {
        if (row.json === null) {
          fields.push([row.name, row.value]);
          continue;
        }
        try {
          parseJsonExact(row.json);
        } catch (error) {
          return {
            body: null,
            error: `The field ${row.name} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
          };
        }
        const originalValue = row.original?.value ?? row.value;
        fields.push([
          row.name,
          sameJson(row.json, originalValue)
            ? originalValue
            : restyleJson(row.json, originalValue, PYTHON_STYLE),
        ]);
      }
      const unchanged =
        fields.length === model.rows.length &&
        model.rows.every(
          (row, index) =>
            row.original?.name === fields[index]?.[0] && row.original?.value === fields[index]?.[1],
        );
      return { body: unchanged ? null : { form: fields }, error: null };
    }
  }
}
