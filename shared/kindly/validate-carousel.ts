import { checkUnknownKeys, type KeyHints } from './check-keys.js';
import { expectKind, optionalKind } from './check-types.js';
import type { IssueCollector } from './issue-collector.js';
import type { JsonPathSegment } from './json-path.js';
import { isPlainObject, keysMatching, readAliasedKey, readUrl } from './reply-readers.js';
import { keysOf, KindlyCarouselCard } from './reply-schema.js';
import { checkButtonList, checkLinkValue } from './validate-buttons.js';
import { CAROUSEL_IMAGE_URL_KEY, CAROUSEL_LINK_URL_KEY } from './vocabulary.js';

const CARD_KEYS = keysOf(KindlyCarouselCard);

const CARD_HINTS: KeyHints = {
  image: { meant: CAROUSEL_IMAGE_URL_KEY, why: 'A card’s picture is its image URL.' },
  img: { meant: CAROUSEL_IMAGE_URL_KEY, why: 'A card’s picture is its image URL.' },
  url: { meant: CAROUSEL_LINK_URL_KEY, why: 'A card’s link is its link URL.' },
  link: { meant: CAROUSEL_LINK_URL_KEY, why: 'A card’s link is its link URL.' },
  href: { meant: CAROUSEL_LINK_URL_KEY, why: 'A card’s link is its link URL.' },
  subtitle: { meant: 'description', why: 'The line under a card’s title is its `description`.' },
  name: { meant: 'title', why: 'A card’s heading is its `title`.' },
};

/** `image_carousel`: an array of cards (§3.3). */
export function checkCarousel(
  issues: IssueCollector,
  value: unknown,
  segments: readonly JsonPathSegment[],
): void {
  if (isPlainObject(value)) {
    issues.error(
      segments,
      'wrong_type',
      '`image_carousel` must be an array of cards, even for one card: wrap it in [ ].',
    );
    return;
  }
  if (!expectKind(issues, value, segments, 'array')) return;
  if (value.length === 0)
    issues.warning(segments, 'carousel.empty', 'The carousel has no cards, so it shows nothing.');
  const seenIds = new Map<string, number>();
  value.forEach((card, index) => {
    const id = checkCard(issues, card, [...segments, index]);
    if (id === null) return;
    const first = seenIds.get(id);
    if (first === undefined) seenIds.set(id, index);
    else
      issues.warning(
        [...segments, index, 'id'],
        'carousel.duplicate_id',
        `Card id "${id}" is already used by card ${first}.`,
      );
  });
}

function checkCard(
  issues: IssueCollector,
  card: unknown,
  segments: readonly JsonPathSegment[],
): string | null {
  if (!expectKind(issues, card, segments, 'object')) return null;
  const accepted = new Set<string>();
  for (const canonical of [CAROUSEL_IMAGE_URL_KEY, CAROUSEL_LINK_URL_KEY]) {
    const spellings = keysMatching(card, canonical);
    for (const key of spellings) {
      if (key === canonical) continue;
      accepted.add(key);
      issues.warning(
        [...segments, key],
        'carousel.url_key_spelling',
        `\`${key}\` is accepted, but the key’s exact casing is unconfirmed (Kindly’s page shows it lowercased); Convoscope emits \`${canonical}\`.`,
      );
    }
    if (spellings.length > 1) {
      issues.warning(
        [...segments, spellings[1] ?? canonical],
        'carousel.url_key_duplicate',
        `The card sets ${spellings.map((key) => `\`${key}\``).join(' and ')}; keep one, which of them Kindly reads is unknown.`,
      );
    }
  }
  checkUnknownKeys(issues, card, segments, CARD_KEYS, 'a carousel card', { hints: CARD_HINTS, accepted });

  optionalKind(issues, card, 'title', segments, 'string');
  optionalKind(issues, card, 'description', segments, 'string');

  const image = readAliasedKey(card, CAROUSEL_IMAGE_URL_KEY);
  if (!image) {
    issues.warning(
      segments,
      'carousel.missing_image',
      `The card has no \`${CAROUSEL_IMAGE_URL_KEY}\`, so the image carousel shows no picture.`,
    );
  } else if (expectKind(issues, image.value, [...segments, image.key], 'string')) {
    checkImageUrl(issues, image.value, [...segments, image.key]);
  }
  const link = readAliasedKey(card, CAROUSEL_LINK_URL_KEY);
  if (link && expectKind(issues, link.value, [...segments, link.key], 'string')) {
    checkLinkValue(issues, link.value.trim(), [...segments, link.key]);
  }
  if (Object.hasOwn(card, 'buttons'))
    checkButtonList(issues, card.buttons, [...segments, 'buttons'], 'carousel');

  if (!Object.hasOwn(card, 'id')) {
    issues.warning(
      segments,
      'carousel.missing_id',
      'Cards carry an `id` in Kindly’s documentation; this one has none.',
    );
    return null;
  }
  return expectKind(issues, card.id, [...segments, 'id'], 'string') ? card.id : null;
}

/** An image must load on its own: an absolute http(s) URL. */
export function checkImageUrl(issues: IssueCollector, value: string, at: readonly JsonPathSegment[]): void {
  const reading = readUrl(value);
  switch (reading.kind) {
    case 'web':
      return;
    case 'bare-host':
      issues.error(
        at,
        'image.not_url',
        `"${value}" has no scheme, so the image would not load; write https://${value}.`,
      );
      return;
    case 'unsafe':
      issues.error(
        at,
        'url.unsafe_scheme',
        `\`${reading.scheme}:\` URLs are not accepted for images; host the image and use its https URL.`,
      );
      return;
    default:
      issues.error(at, 'image.not_url', `"${value}" is not an image URL; use an absolute http(s) address.`);
  }
}
