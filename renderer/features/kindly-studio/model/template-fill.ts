import {
  layeredScope,
  parseTemplate,
  renderJsonTemplate,
  renderTemplate,
  TemplateTooLargeError,
  type TemplateScope,
} from '../../../../shared/templates/template.js';

/**
 * Fills a reply template's placeholders from a Kindly webhook payload, the way the listener fills
 * rule bodies (electron/core/responders/request-view.ts): payload paths first (`{{message}}`,
 * `{{context.store}}`, `{{exchange.language_code}}`), then the aliases `chat_id`,
 * `conversation_id` and `user_id`. Request variables (`{{$now}}`, `{{$headers.x}}`) have no
 * meaning for a reply typed by hand and stay as typed.
 */

export interface PlaceholderResolution {
  /** As written, e.g. `{{ context.store | Oslo }}`. */
  raw: string;
  path: string;
  /** Found in the payload (or an alias); false means the fallback or an empty string went in. */
  found: boolean;
  /** What went in. */
  value: unknown;
  /** Left as typed: a `$` request variable, or no payload to fill from. */
  kept: boolean;
}

export interface TemplateFill {
  /** The template with placeholders filled (JSON text when the template parses as JSON). */
  text: string;
  resolutions: PlaceholderResolution[];
  /** Why filling failed (output too large); then `text` is the template unchanged. */
  error: string | null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The scope a Kindly payload offers to placeholders. */
export function kindlyPayloadScope(payload: unknown): TemplateScope {
  const record = isObject(payload) ? payload : {};
  const chatId = typeof record.chat_id === 'string' ? record.chat_id : undefined;
  const aliases: Record<string, unknown> = {
    ...(chatId !== undefined ? { chat_id: chatId, conversation_id: chatId } : {}),
    ...(record.user_id !== undefined ? { user_id: record.user_id } : {}),
  };
  return layeredScope(record, aliases);
}

const key = (segments: readonly string[]): string => segments.join('\u0000');

function placeholdersIn(
  text: string,
): { raw: string; path: string; segments: string[]; fallback: string | null }[] {
  const seen = new Map<string, { raw: string; path: string; segments: string[]; fallback: string | null }>();
  for (const part of parseTemplate(text)) {
    if (part.kind === 'placeholder' && !seen.has(part.raw)) seen.set(part.raw, part);
  }
  return [...seen.values()];
}

/** Placeholders that a template uses, without filling anything (no payload at hand). */
export function listTemplatePlaceholders(text: string): PlaceholderResolution[] {
  return placeholdersIn(text).map((part) => ({
    raw: part.raw,
    path: part.path,
    found: false,
    value: undefined,
    kept: true,
  }));
}

/**
 * Fills `text` from `payload`. A template that parses as JSON is filled value by value (a string
 * that is exactly one placeholder takes the value's type); other text is filled as text. `$`
 * placeholders are re-inserted as typed.
 */
export function fillKindlyTemplate(text: string, payload: unknown): TemplateFill {
  const parts = placeholdersIn(text);
  const base = kindlyPayloadScope(payload);
  const resolutions: PlaceholderResolution[] = parts.map((part) => {
    if (part.segments[0]?.startsWith('$')) {
      return { raw: part.raw, path: part.path, found: false, value: part.raw, kept: true };
    }
    const hit = base(part.segments);
    const value = hit.found && hit.value !== null ? hit.value : (part.fallback ?? (hit.found ? null : ''));
    return { raw: part.raw, path: part.path, found: hit.found, value, kept: false };
  });
  // Request variables render as their own placeholder text, so the result still says what was meant.
  const requestVariables = new Map(
    parts.filter((part) => part.segments[0]?.startsWith('$')).map((part) => [key(part.segments), part.raw]),
  );
  const withVariables: TemplateScope = (segments) => {
    if (!segments[0]?.startsWith('$')) return base(segments);
    const raw = requestVariables.get(key(segments));
    return raw === undefined ? { found: false } : { found: true, value: raw };
  };
  try {
    let parsed: unknown;
    let isJson = true;
    try {
      parsed = JSON.parse(text);
    } catch {
      isJson = false;
    }
    const filled = isJson
      ? JSON.stringify(renderJsonTemplate(parsed, withVariables), null, 2)
      : renderTemplate(text, withVariables);
    return { text: filled, resolutions, error: null };
  } catch (error) {
    if (error instanceof TemplateTooLargeError) return { text, resolutions, error: error.message };
    throw error;
  }
}
