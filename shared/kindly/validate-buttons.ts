import { checkUnknownKeys, type KeyHints } from './check-keys.js';
import { expectKind } from './check-types.js';
import { closestKey } from './edit-distance.js';
import type { IssueCollector } from './issue-collector.js';
import type { JsonPathSegment } from './json-path.js';
import {
  buttonKind,
  dialogueTriggerSpelling,
  documentedButtonTypes,
  EMAIL_ADDRESS,
  isPlainObject,
  looksLikePhone,
  readUrl,
  type ButtonPlace,
} from './reply-readers.js';
import { KindlyCarouselButton, KindlyReplyButton } from './reply-schema.js';

function optionKeys(union: { options: readonly { shape: Record<string, unknown> }[] }): string[] {
  return [...new Set(union.options.flatMap((option) => Object.keys(option.shape)))];
}

const REPLY_BUTTON_KEYS = optionKeys(KindlyReplyButton);
const CAROUSEL_BUTTON_KEYS = optionKeys(KindlyCarouselButton);

const BUTTON_HINTS: KeyHints = {
  type: {
    meant: 'button_type',
    why: '`type` is the Application API’s name; webhook replies use `button_type`.',
  },
  title: { meant: 'label', why: 'The text on a button is its `label`.' },
  text: { meant: 'label', why: 'The text on a button is its `label`.' },
  url: { meant: 'value', why: 'A link button keeps its URL in `value`.' },
  href: { meant: 'value', why: 'A link button keeps its URL in `value`.' },
  payload: { meant: 'value', why: 'What a button sends or opens is its `value`.' },
  new_context: { meant: 'context', why: 'A button writes context memory through `context`.' },
};

function where(place: ButtonPlace): string {
  return place === 'reply' ? 'a reply button' : 'a carousel button';
}

/** `buttons` under a reply or on a carousel card: always an array (§3.2), each entry a button. */
export function checkButtonList(
  issues: IssueCollector,
  value: unknown,
  segments: readonly JsonPathSegment[],
  place: ButtonPlace,
): void {
  if (isPlainObject(value)) {
    issues.error(
      segments,
      'wrong_type',
      '`buttons` must be an array, even for a single button: wrap the object in [ ].',
    );
    return;
  }
  if (!expectKind(issues, value, segments, 'array')) return;
  const seenIds = new Map<string, number>();
  value.forEach((button, index) => {
    const at = [...segments, index];
    const id = checkButton(issues, button, at, place);
    if (id === null) return;
    const first = seenIds.get(id);
    if (first === undefined) seenIds.set(id, index);
    else
      issues.warning(
        [...at, 'id'],
        'carousel.duplicate_button_id',
        `Button id "${id}" is already used by button ${first} of this card.`,
      );
  });
}

/** Checks one button; answers its `id` (carousel buttons) for duplicate detection. */
function checkButton(
  issues: IssueCollector,
  button: unknown,
  segments: readonly JsonPathSegment[],
  place: ButtonPlace,
): string | null {
  if (!expectKind(issues, button, segments, 'object')) return null;
  const known = place === 'reply' ? REPLY_BUTTON_KEYS : CAROUSEL_BUTTON_KEYS;
  const accepted = new Set<string>();
  if (place === 'reply' && Object.hasOwn(button, 'id')) {
    accepted.add('id');
    issues.warning(
      [...segments, 'id'],
      'button.id_on_reply_button',
      'Reply buttons have no `id` (carousel buttons do); Kindly ignores it.',
    );
  }
  if (place === 'carousel' && Object.hasOwn(button, 'open_in_new_tab')) {
    accepted.add('open_in_new_tab');
    issues.warning(
      [...segments, 'open_in_new_tab'],
      'carousel.new_tab_undocumented',
      '`open_in_new_tab` is documented for reply link buttons only; whether carousel buttons honour it is unconfirmed.',
    );
  }
  checkUnknownKeys(issues, button, segments, known, where(place), { hints: BUTTON_HINTS, accepted });

  const kind = checkButtonType(issues, button, segments, place);
  checkLabel(issues, button, segments);
  checkValue(issues, button, segments, kind);

  if (Object.hasOwn(button, 'open_in_new_tab')) {
    const ok = expectKind(issues, button.open_in_new_tab, [...segments, 'open_in_new_tab'], 'boolean');
    if (ok && place === 'reply' && kind !== 'link' && kind !== 'unknown') {
      issues.warning(
        [...segments, 'open_in_new_tab'],
        'button.new_tab_not_link',
        `Only link buttons open a tab; \`open_in_new_tab\` does nothing on a ${kind} button.`,
      );
    }
  }
  if (Object.hasOwn(button, 'context'))
    expectKind(issues, button.context, [...segments, 'context'], 'object');

  if (place !== 'carousel') return null;
  if (!Object.hasOwn(button, 'id')) {
    issues.warning(
      segments,
      'carousel.button_missing_id',
      'Carousel buttons carry an `id` in Kindly’s documentation; this one has none.',
    );
    return null;
  }
  if (!expectKind(issues, button.id, [...segments, 'id'], 'string')) return null;
  return button.id;
}

function checkButtonType(
  issues: IssueCollector,
  button: Record<string, unknown>,
  segments: readonly JsonPathSegment[],
  place: ButtonPlace,
): ReturnType<typeof buttonKind> {
  const at = [...segments, 'button_type'];
  const documented = documentedButtonTypes(place);
  if (!Object.hasOwn(button, 'button_type')) {
    issues.error(
      segments,
      'button.missing_type',
      `The button has no \`button_type\` (one of ${documented.join(', ')}).`,
    );
    return 'unknown';
  }
  const type = button.button_type;
  if (!expectKind(issues, type, at, 'string')) return 'unknown';
  const name = type;
  if ((documented as readonly string[]).includes(name)) return buttonKind(name);

  const spelling = dialogueTriggerSpelling(place);
  if (buttonKind(name) === 'dialogue_trigger') {
    issues.warning(
      at,
      place === 'reply' ? 'button.trigger_spelling' : 'carousel.trigger_spelling',
      `${place === 'reply' ? 'Reply buttons' : 'Carousel buttons'} use \`${spelling}\`; \`${name}\` is the ${place === 'reply' ? 'carousel' : 'reply-button'} spelling, and whether Kindly accepts it here is unconfirmed.`,
    );
    return 'dialogue_trigger';
  }
  if (place === 'carousel' && (name === 'email' || name === 'phone')) {
    issues.error(
      at,
      'carousel.unsupported_button_type',
      `Carousel buttons support ${documented.join(', ')}; \`${name}\` works only under the reply.`,
    );
    return buttonKind(name);
  }
  const suggestion = closestKey(name, documented);
  issues.error(
    at,
    place === 'carousel' ? 'carousel.unsupported_button_type' : 'button.unknown_type',
    `Unknown button type \`${name}\`${suggestion ? `; did you mean \`${suggestion}\`?` : '.'} ${place === 'reply' ? 'Reply' : 'Carousel'} buttons support ${documented.join(', ')}.`,
  );
  return suggestion ? buttonKind(suggestion) : 'unknown';
}

function checkLabel(
  issues: IssueCollector,
  button: Record<string, unknown>,
  segments: readonly JsonPathSegment[],
): void {
  if (!Object.hasOwn(button, 'label')) {
    issues.error(segments, 'button.missing_label', 'The button has no `label`, so it would show no text.');
    return;
  }
  if (!expectKind(issues, button.label, [...segments, 'label'], 'string')) return;
  if (button.label.trim() === '') {
    issues.error(
      [...segments, 'label'],
      'button.empty_label',
      'The button’s `label` is empty, so it would show no text.',
    );
  }
}

function checkValue(
  issues: IssueCollector,
  button: Record<string, unknown>,
  segments: readonly JsonPathSegment[],
  kind: ReturnType<typeof buttonKind>,
): void {
  const at = [...segments, 'value'];
  if (!Object.hasOwn(button, 'value')) {
    issues.error(segments, 'button.missing_value', 'The button has no `value`.');
    return;
  }
  const hint = typeof button.value === 'number' ? ` Write it in quotes: "${String(button.value)}".` : '';
  if (!expectKind(issues, button.value, at, 'string', hint)) return;
  const value = button.value.trim();
  if (value === '') {
    issues.error(at, 'button.empty_value', 'The button’s `value` is empty.');
    return;
  }
  switch (kind) {
    case 'link':
      checkLinkValue(issues, value, at);
      break;
    case 'email': {
      const address = value.replace(/^mailto:/iu, '');
      if (address !== value) {
        issues.warning(
          at,
          'button.email_mailto',
          'An email button’s `value` is the bare address; drop the `mailto:` prefix.',
        );
      }
      if (!EMAIL_ADDRESS.test(address)) {
        issues.error(at, 'button.not_email', `"${value}" is not an e-mail address.`);
      }
      break;
    }
    case 'phone': {
      const number = value.replace(/^tel:/iu, '');
      if (number !== value) {
        issues.warning(
          at,
          'button.phone_tel',
          'A phone button’s `value` is the bare number; drop the `tel:` prefix.',
        );
      }
      if (!looksLikePhone(number)) {
        issues.error(
          at,
          'button.not_phone',
          `"${value}" is not a phone number (digits, spaces, + - ( ) only).`,
        );
      }
      break;
    }
    default:
      break;
  }
}

/** A link value: a web URL; a bare host is tolerated (Kindly's own carousel example uses one). */
export function checkLinkValue(issues: IssueCollector, value: string, at: readonly JsonPathSegment[]): void {
  const reading = readUrl(value);
  switch (reading.kind) {
    case 'web':
      return;
    case 'bare-host':
      issues.note(
        at,
        'url.bare_host',
        `"${value}" has no scheme; a widget may treat it as a relative link. Write https://${value} to be sure.`,
      );
      return;
    case 'unsafe':
      issues.error(
        at,
        'url.unsafe_scheme',
        `\`${reading.scheme}:\` URLs run code or embed data; never send them to a chat widget.`,
      );
      return;
    case 'other-scheme':
      issues.warning(
        at,
        'url.other_scheme',
        reading.scheme === 'mailto'
          ? 'Use an `email` button for e-mail addresses instead of a `mailto:` link.'
          : reading.scheme === 'tel'
            ? 'Use a `phone` button for phone numbers instead of a `tel:` link.'
            : `\`${reading.scheme}:\` links may not open from a chat widget; use an http(s) URL.`,
      );
      return;
    default:
      issues.error(at, 'url.not_a_url', `"${value}" is not a URL; a link needs an absolute http(s) address.`);
  }
}
