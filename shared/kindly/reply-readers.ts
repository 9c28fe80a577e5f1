/**
 * Readings of a reply that the validator and the preview must make the same way: paragraph
 * splitting, which key holds a carousel URL, what a URL string is, which spelling of a dialogue
 * trigger a button uses. Payload text is untrusted; nothing here throws on odd input.
 */
import { foldKey } from './edit-distance.js';
import { CAROUSEL_BUTTON_TYPES, REPLY_BUTTON_TYPES, type AnyButtonType } from './vocabulary.js';

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON type name for messages: `null`, `array`, `object`, `string`, `number`, `boolean`. */
export function jsonTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Kindly starts a new bubble at two consecutive newlines (§3.1). Pieces are returned as written
 * (line endings normalized); the preview trims them, the validator flags the empty ones.
 */
export function splitParagraphs(reply: string): string[] {
  return reply.replace(/\r\n?/gu, '\n').split('\n\n');
}

/** A key of `object` that folds (case and separators ignored) to the same word as `canonical`. */
export function keysMatching(object: Record<string, unknown>, canonical: string): string[] {
  const folded = foldKey(canonical);
  return Object.keys(object).filter((key) => foldKey(key) === folded);
}

/**
 * The carousel card's image or link URL under whichever spelling it was sent: the canonical key
 * first, else the first key that folds to it (`imageurl`, `image_url`, `ImageURL`, …).
 */
export function readAliasedKey(
  object: Record<string, unknown>,
  canonical: string,
): { key: string; value: unknown } | null {
  if (Object.hasOwn(object, canonical)) return { key: canonical, value: object[canonical] };
  const [key] = keysMatching(object, canonical);
  return key === undefined ? null : { key, value: object[key] };
}

export type UrlReading =
  /** An absolute http(s) URL the browser can open. */
  | { kind: 'web'; href: string }
  /** `example.com/path`: no scheme; a widget may treat it as a relative link (Kindly's own example does it). */
  | { kind: 'bare-host'; href: string }
  /** `javascript:`, `vbscript:`, `data:`: never acceptable in a reply. */
  | { kind: 'unsafe'; scheme: string }
  /** Another scheme (`mailto:`, `tel:`, `ftp:`…). */
  | { kind: 'other-scheme'; scheme: string }
  /** `/path` or `//host/path`: not a URL on its own. */
  | { kind: 'relative' }
  | { kind: 'not-a-url' };

const BARE_HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}(?::\d{1,5})?(?:[/?#][^\s]*)?$/iu;
const SCHEME = /^([a-z][a-z0-9+.-]*):/iu;
const UNSAFE_SCHEMES = new Set(['javascript', 'vbscript', 'data']);

/** What kind of URL a string is, as a browser would see it. */
export function readUrl(raw: string): UrlReading {
  const value = raw.trim();
  // Browsers drop tabs, newlines and control characters inside a URL, so `java\tscript:` is still script.
  // eslint-disable-next-line no-control-regex
  const squeezed = value.replace(/[\u0000-\u0020\u007f]+/gu, '').toLowerCase();
  const squeezedScheme = SCHEME.exec(squeezed)?.[1];
  if (squeezedScheme && UNSAFE_SCHEMES.has(squeezedScheme)) return { kind: 'unsafe', scheme: squeezedScheme };
  if (value === '' || /\s/u.test(value)) return { kind: 'not-a-url' };
  if (BARE_HOST.test(value)) return { kind: 'bare-host', href: `https://${value}` };
  const scheme = SCHEME.exec(value)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https') {
    try {
      const url = new URL(value);
      return url.hostname ? { kind: 'web', href: url.href } : { kind: 'not-a-url' };
    } catch {
      return { kind: 'not-a-url' };
    }
  }
  if (scheme) return { kind: 'other-scheme', scheme };
  if (value.startsWith('/')) return { kind: 'relative' };
  return { kind: 'not-a-url' };
}

/** The href a preview may put in a link: web URLs (and bare hosts as https), never anything else. */
export function safeHref(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const reading = readUrl(raw);
  return reading.kind === 'web' || reading.kind === 'bare-host' ? reading.href : null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export const EMAIL_ADDRESS = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/u;
/** Digits with the punctuation people write in phone numbers; at least three digits. */
export const PHONE_NUMBER = /^\+?[\d\s().\-/]*\d[\d\s().\-/]*$/u;
export function looksLikePhone(value: string): boolean {
  return PHONE_NUMBER.test(value.trim()) && (value.match(/\d/gu)?.length ?? 0) >= 3;
}

/** Where a button sits decides which dialogue-trigger spelling is documented there. */
export type ButtonPlace = 'reply' | 'carousel';

/** How a preview shows a button: both dialogue spellings are one kind. */
export type ButtonKind = 'quick_reply' | 'link' | 'email' | 'phone' | 'dialogue_trigger' | 'unknown';

export function buttonKind(type: unknown): ButtonKind {
  if (type === 'trigger_dialogue' || type === 'dialogue_trigger') return 'dialogue_trigger';
  if (type === 'quick_reply' || type === 'link' || type === 'email' || type === 'phone') return type;
  return 'unknown';
}

export function documentedButtonTypes(place: ButtonPlace): readonly AnyButtonType[] {
  return place === 'reply' ? REPLY_BUTTON_TYPES : CAROUSEL_BUTTON_TYPES;
}

/** The spelling of "trigger a dialogue" documented for a place. */
export function dialogueTriggerSpelling(place: ButtonPlace): 'dialogue_trigger' | 'trigger_dialogue' {
  return place === 'reply' ? 'dialogue_trigger' : 'trigger_dialogue';
}

/**
 * `chatbubble_hide_input_field` at the top level (documented) or inside a `settings` object
 * (unconfirmed); the top level wins when both are present.
 */
export function readHideInputField(reply: Record<string, unknown>): {
  value: unknown;
  segments: (string | number)[];
} | null {
  if (Object.hasOwn(reply, 'chatbubble_hide_input_field')) {
    return { value: reply.chatbubble_hide_input_field, segments: ['chatbubble_hide_input_field'] };
  }
  const settings = reply.settings;
  if (isPlainObject(settings) && Object.hasOwn(settings, 'chatbubble_hide_input_field')) {
    return {
      value: settings.chatbubble_hide_input_field,
      segments: ['settings', 'chatbubble_hide_input_field'],
    };
  }
  return null;
}

/** Which trigger the reply asks for, if any (`exchange_id` wins when both are sent). */
export function readExchangeTrigger(
  reply: Record<string, unknown>,
): { by: 'exchange_id' | 'exchange_slug'; target: string } | null {
  if (typeof reply.exchange_id === 'string' && reply.exchange_id.trim() !== '') {
    return { by: 'exchange_id', target: reply.exchange_id };
  }
  if (typeof reply.exchange_slug === 'string' && reply.exchange_slug.trim() !== '') {
    return { by: 'exchange_slug', target: reply.exchange_slug };
  }
  return null;
}

/** Form fields in `order`; fields without a numeric order keep their place after the ordered ones. */
export function fieldsInOrder<T>(
  fields: readonly T[],
  orderOf: (field: T) => unknown,
): { field: T; index: number }[] {
  return fields
    .map((field, index) => ({ field, index, order: orderOf(field) }))
    .sort((a, b) => {
      const aOrder =
        typeof a.order === 'number' && Number.isFinite(a.order) ? a.order : Number.POSITIVE_INFINITY;
      const bOrder =
        typeof b.order === 'number' && Number.isFinite(b.order) ? b.order : Number.POSITIVE_INFINITY;
      return aOrder === bOrder ? a.index - b.index : aOrder - bOrder;
    })
    .map(({ field, index }) => ({ field, index }));
}
