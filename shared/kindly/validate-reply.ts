import { checkUnknownKeys, type KeyHints } from './check-keys.js';
import { describeValue, expectKind, optionalKind } from './check-types.js';
import { IssueCollector } from './issue-collector.js';
import { isPlainObject, isUuid, readHideInputField, splitParagraphs } from './reply-readers.js';
import { KindlyReply, keysOf } from './reply-schema.js';
import { checkButtonList } from './validate-buttons.js';
import { checkCarousel, checkImageUrl } from './validate-carousel.js';
import { checkForm } from './validate-form.js';
import type { KindlyValidation } from './validation-result.js';

const TOP_KEYS = keysOf(KindlyReply);

const TOP_HINTS: KeyHints = {
  text: { meant: 'reply', why: 'The bot’s message text is `reply`.' },
  message: { meant: 'reply', why: 'The bot’s message text is `reply` (`message` is what the user wrote).' },
  answer: { meant: 'reply', why: 'The bot’s message text is `reply`.' },
  context: {
    meant: 'new_context',
    why: '`context` is what Kindly sends you; write to context memory with `new_context`.',
  },
  carousel: { meant: 'image_carousel', why: 'Cards go in `image_carousel`.' },
  cards: { meant: 'image_carousel', why: 'Cards go in `image_carousel`.' },
  quick_replies: { meant: 'buttons', why: 'Quick replies are buttons with `button_type: "quick_reply"`.' },
  tags: { meant: 'labels', why: 'Chat labels are set with `labels`.' },
  dialogue_id: { meant: 'exchange_id', why: 'Trigger a dialogue by UUID with `exchange_id`.' },
  dialogue_slug: { meant: 'exchange_slug', why: 'Trigger a dialogue by slug with `exchange_slug`.' },
  slug: { meant: 'exchange_slug', why: 'Trigger a dialogue by slug with `exchange_slug`.' },
  data: { meant: 'aireply.data', why: 'Smart Webhooks read their data from `aireply.data`.' },
};

/** Keys that produce something in the chat, and so compete with a dialogue trigger. */
const VISIBLE_KEYS = ['reply', 'buttons', 'image_carousel', 'form', 'aireply', 'image'] as const;

/**
 * Checks a Kindly dialogue-webhook response (docs/kindly.md §3) the way Kindly would read it, and
 * reports everything that would be rejected, ignored or misread, each at its exact JSON path.
 * Accepts any JSON value; never throws.
 */
export function validateKindlyReply(value: unknown): KindlyValidation {
  const issues = new IssueCollector();
  if (!isPlainObject(value)) {
    issues.error(
      [],
      'root.not_object',
      `A Kindly reply is a JSON object such as {"reply": "…"}, not ${describeValue(value)}.`,
    );
    return issues.result();
  }
  const reply = value;
  checkUnknownKeys(issues, reply, [], TOP_KEYS, 'the reply', {
    hints: TOP_HINTS,
    accepted: new Set(['settings']),
  });
  if (Object.keys(reply).length === 0) {
    issues.note(
      [],
      'reply.empty_object',
      '`{}` is accepted; it probably leaves the dialogue’s own reply unchanged (unconfirmed).',
    );
  }

  checkReplyText(issues, reply);
  checkAiReply(issues, reply);
  if (Object.hasOwn(reply, 'buttons')) checkButtonList(issues, reply.buttons, ['buttons'], 'reply');
  if (Object.hasOwn(reply, 'image_carousel')) checkCarousel(issues, reply.image_carousel, ['image_carousel']);
  if (Object.hasOwn(reply, 'form')) checkForm(issues, reply.form, ['form']);
  if (Object.hasOwn(reply, 'new_context')) checkNewContext(issues, reply.new_context);
  checkTrigger(issues, reply);
  if (Object.hasOwn(reply, 'labels')) checkLabels(issues, reply.labels);
  checkHideInput(issues, reply);
  checkImage(issues, reply);
  return issues.result();
}

function checkReplyText(issues: IssueCollector, reply: Record<string, unknown>): void {
  if (!optionalKind(issues, reply, 'reply', [], 'string')) return;
  const text = reply.reply as string;
  if (text.trim() === '') {
    issues.warning(
      ['reply'],
      'reply.empty',
      'The reply text is empty; leave `reply` out instead of sending an empty bubble.',
    );
    return;
  }
  const paragraphs = splitParagraphs(text);
  const empty = paragraphs.flatMap((paragraph, index) => (paragraph.trim() === '' ? [index + 1] : []));
  if (empty.length > 0) {
    issues.warning(
      ['reply'],
      'reply.empty_paragraph',
      `Paragraph${empty.length > 1 ? 's' : ''} ${empty.join(', ')} of ${paragraphs.length} ${empty.length > 1 ? 'are' : 'is'} empty: a blank line ("\\n\\n") at the start or end, or twice in a row, makes an empty bubble.`,
    );
  }
  if (/<\/?[a-z][^>]*>/iu.test(text)) {
    issues.note(
      ['reply'],
      'reply.html',
      'The reply contains HTML tags; whether every Kindly client renders HTML is unconfirmed.',
    );
  }
}

function checkAiReply(issues: IssueCollector, reply: Record<string, unknown>): void {
  if (!optionalKind(issues, reply, 'aireply', [], 'object')) return;
  const aireply = reply.aireply as Record<string, unknown>;
  checkUnknownKeys(issues, aireply, ['aireply'], ['data'], '`aireply`');
  if (!Object.hasOwn(aireply, 'data')) {
    issues.error(
      ['aireply'],
      'aireply.missing_data',
      '`aireply` needs `data`: the text, JSON or XML the AI writes its reply from.',
    );
  } else if (aireply.data === null || (typeof aireply.data === 'string' && aireply.data.trim() === '')) {
    issues.warning(
      ['aireply', 'data'],
      'aireply.empty_data',
      '`aireply.data` is empty, so the AI has nothing to write from.',
    );
  }
  if (Object.hasOwn(reply, 'reply')) {
    issues.warning(
      ['reply'],
      'reply.ignored_with_aireply',
      'Kindly ignores `reply` when `aireply` is present; the AI writes the message from `aireply.data`.',
    );
  }
}

function checkNewContext(issues: IssueCollector, context: unknown): void {
  if (Array.isArray(context)) {
    issues.error(
      ['new_context'],
      'wrong_type',
      '`new_context` must be an object of key → value, not an array.',
    );
    return;
  }
  if (!expectKind(issues, context, ['new_context'], 'object')) return;
  for (const key of Object.keys(context)) {
    if (key.trim() === '')
      issues.warning(['new_context', key], 'new_context.empty_key', 'A context key is empty.');
  }
}

function checkTrigger(issues: IssueCollector, reply: Record<string, unknown>): void {
  const hasId = optionalKind(issues, reply, 'exchange_id', [], 'string');
  const hasSlug = optionalKind(issues, reply, 'exchange_slug', [], 'string');
  if (hasId) {
    const id = (reply.exchange_id as string).trim();
    if (id === '') issues.error(['exchange_id'], 'trigger.empty', '`exchange_id` is empty.');
    else if (!isUuid(id)) {
      issues.warning(
        ['exchange_id'],
        'trigger.id_not_uuid',
        `\`exchange_id\` takes the dialogue’s UUID; "${id}" is not one. To trigger by slug, use \`exchange_slug\`.`,
      );
    }
  }
  if (hasSlug) {
    const slug = (reply.exchange_slug as string).trim();
    if (slug === '') issues.error(['exchange_slug'], 'trigger.empty', '`exchange_slug` is empty.');
    else if (isUuid(slug)) {
      issues.warning(
        ['exchange_slug'],
        'trigger.slug_is_uuid',
        '`exchange_slug` holds a UUID; dialogue IDs go in `exchange_id`.',
      );
    }
  }
  if (Object.hasOwn(reply, 'exchange_id') && Object.hasOwn(reply, 'exchange_slug')) {
    issues.error(
      ['exchange_slug'],
      'trigger.both',
      'Send either `exchange_id` or `exchange_slug`, not both: which one Kindly follows is undefined.',
    );
  }
  const trigger = Object.hasOwn(reply, 'exchange_id')
    ? 'exchange_id'
    : Object.hasOwn(reply, 'exchange_slug')
      ? 'exchange_slug'
      : null;
  if (trigger) {
    const shown = VISIBLE_KEYS.filter((key) => Object.hasOwn(reply, key));
    if (shown.length > 0) {
      issues.warning(
        [trigger],
        'trigger.with_reply',
        `\`${trigger}\` triggers a dialogue instead of replying; whether ${shown.map((key) => `\`${key}\``).join(', ')} ${shown.length > 1 ? 'are' : 'is'} still shown is unconfirmed.`,
      );
    }
  }
}

function checkLabels(issues: IssueCollector, labels: unknown): void {
  if (typeof labels === 'string') {
    issues.error(
      ['labels'],
      'wrong_type',
      '`labels` must be an array of label names, even for one label: ["' + labels + '"].',
    );
    return;
  }
  if (!expectKind(issues, labels, ['labels'], 'array')) return;
  const seen = new Set<string>();
  labels.forEach((label, index) => {
    const at = ['labels', index];
    if (typeof label !== 'string') {
      issues.error(
        at,
        'labels.not_string',
        `Labels are attached by name, so each must be a string; this one is ${describeValue(label)}.`,
      );
      return;
    }
    if (label.trim() === '') {
      issues.error(at, 'labels.empty', 'The label name is empty.');
      return;
    }
    if (label.trim() !== label) {
      issues.warning(
        at,
        'labels.whitespace',
        `"${label}" has leading or trailing spaces; Kindly drops names it cannot find without telling you.`,
      );
    }
    if (seen.has(label)) issues.warning(at, 'labels.duplicate', `The label "${label}" is listed twice.`);
    seen.add(label);
  });
}

function checkHideInput(issues: IssueCollector, reply: Record<string, unknown>): void {
  if (Object.hasOwn(reply, 'settings')) {
    if (expectKind(issues, reply.settings, ['settings'], 'object')) {
      const settings = reply.settings;
      checkUnknownKeys(issues, settings, ['settings'], ['chatbubble_hide_input_field'], '`settings`');
      if (Object.hasOwn(settings, 'chatbubble_hide_input_field')) {
        issues.warning(
          ['settings', 'chatbubble_hide_input_field'],
          Object.hasOwn(reply, 'chatbubble_hide_input_field') ? 'settings.both' : 'settings.nested',
          Object.hasOwn(reply, 'chatbubble_hide_input_field')
            ? 'The key is set both at the top level and under `settings`; the top level is the documented place, drop the nested one.'
            : 'Kindly documents `chatbubble_hide_input_field` at the top level; a nested `settings` object is unconfirmed. Accepted.',
        );
      }
    }
  }
  const hide = readHideInputField(reply);
  if (!hide || !expectKind(issues, hide.value, hide.segments, 'boolean') || hide.value !== true) return;
  const hasButtons = Array.isArray(reply.buttons) && reply.buttons.length > 0;
  const hasCardButtons =
    Array.isArray(reply.image_carousel) &&
    reply.image_carousel.some(
      (card) => isPlainObject(card) && Array.isArray(card.buttons) && card.buttons.length > 0,
    );
  if (!hasButtons && !hasCardButtons && !Object.hasOwn(reply, 'form')) {
    issues.note(
      hide.segments,
      'hide_input.no_way_on',
      'The input field is hidden; make sure the user has a way on, e.g. a button that triggers a dialogue.',
    );
  }
}

function checkImage(issues: IssueCollector, reply: Record<string, unknown>): void {
  const hasImage = Object.hasOwn(reply, 'image');
  if (hasImage) {
    issues.note(['image'], 'image.deprecated', '`image` is deprecated in favour of `image_carousel`.');
    if (expectKind(issues, reply.image, ['image'], 'string')) checkImageUrl(issues, reply.image, ['image']);
  }
  if (optionalKind(issues, reply, 'image_alt_text', [], 'string') && !hasImage) {
    issues.warning(
      ['image_alt_text'],
      'image.alt_without_image',
      '`image_alt_text` describes `image`, which is not set.',
    );
  }
}
