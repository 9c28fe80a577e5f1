import { keyOrderAt, type PathSegments } from './reply-json-schema.js';

/**
 * Immutable edits of a reply by JSON path: what the visual builder does to the JSON value. Keys the
 * builder does not know are left exactly where they are; a new key is inserted where the schema
 * lists it, so the JSON reads in the documented order whichever part was added first.
 */

export type JsonObject = Record<string, unknown>;

/** Optional wrapper objects that mean nothing when empty; removing their last key removes them. */
const PRUNED_WHEN_EMPTY = new Set(['texts', 'attributes', 'context']);

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function getAt(root: unknown, path: PathSegments): unknown {
  let current = root;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[segment] as unknown;
    } else {
      if (!isObject(current) || !Object.hasOwn(current, segment)) return undefined;
      current = current[segment];
    }
  }
  return current;
}

/** `object` with `key` set, a new key placed by `order` (keys not in `order` keep their places). */
export function withKey(
  object: JsonObject,
  key: string,
  value: unknown,
  order: readonly string[],
): JsonObject {
  if (Object.hasOwn(object, key)) return { ...object, [key]: value };
  const rank = order.indexOf(key);
  const out: JsonObject = {};
  let placed = false;
  for (const [existing, existingValue] of Object.entries(object)) {
    const existingRank = order.indexOf(existing);
    if (!placed && rank !== -1 && existingRank > rank) {
      out[key] = value;
      placed = true;
    }
    out[existing] = existingValue;
  }
  if (!placed) out[key] = value;
  return out;
}

function withoutKey(object: JsonObject, key: string): JsonObject {
  const out: JsonObject = {};
  for (const [existing, value] of Object.entries(object)) if (existing !== key) out[existing] = value;
  return out;
}

/**
 * Sets the value at `path` (creating missing objects and arrays on the way); `undefined` removes
 * the key or array item. `root` is the whole reply; it is never mutated.
 */
export function setAt(root: JsonObject, path: PathSegments, value: unknown): JsonObject {
  const result = setIn(root, root, [], path, value);
  return isObject(result) ? result : root;
}

function setIn(
  root: JsonObject,
  node: unknown,
  done: (string | number)[],
  rest: PathSegments,
  value: unknown,
): unknown {
  const [segment, ...tail] = rest;
  if (segment === undefined) return value;
  if (typeof segment === 'number') {
    const items = Array.isArray(node) ? [...(node as unknown[])] : [];
    if (tail.length === 0 && value === undefined) {
      items.splice(segment, 1);
      return items;
    }
    while (items.length < segment) items.push(null);
    items[segment] = setIn(root, items[segment], [...done, segment], tail, value);
    return items;
  }
  const object = isObject(node) ? node : {};
  if (tail.length === 0 && value === undefined) return withoutKey(object, segment);
  const next = setIn(root, object[segment], [...done, segment], tail, value);
  const emptiedByRemoval =
    value === undefined && tail.length > 0 && isObject(next) && Object.keys(next).length === 0;
  if (emptiedByRemoval && PRUNED_WHEN_EMPTY.has(segment)) {
    return withoutKey(object, segment);
  }
  return withKey(object, segment, next, keyOrderAt(done, root));
}

/** Inserts `item` into the array at `arrayPath` (at the end unless `index` is given). */
export function insertItem(
  root: JsonObject,
  arrayPath: PathSegments,
  item: unknown,
  index?: number,
): JsonObject {
  const current = getAt(root, arrayPath);
  const items = Array.isArray(current) ? [...(current as unknown[])] : [];
  items.splice(index ?? items.length, 0, item);
  return setAt(root, arrayPath, items);
}

/** Moves the array item at `from` to `to` (both clamped to the array). */
export function moveItem(root: JsonObject, arrayPath: PathSegments, from: number, to: number): JsonObject {
  const current = getAt(root, arrayPath);
  if (!Array.isArray(current)) return root;
  const items = [...(current as unknown[])];
  const target = Math.max(0, Math.min(items.length - 1, to));
  if (from < 0 || from >= items.length || target === from) return root;
  const [moved] = items.splice(from, 1);
  items.splice(target, 0, moved);
  return setAt(root, arrayPath, items);
}

/** Sets an optional text: an empty string removes the key instead of sending `""`. */
export function setOptionalText(root: JsonObject, path: PathSegments, text: string): JsonObject {
  return setAt(root, path, text === '' ? undefined : text);
}
