import type { JsonCompletionItem } from '../../../components/json-editor.js';
import type { CursorPath } from '../../../lib/json-syntax-path.js';
import {
  describeType,
  kindlyReplyJsonSchema,
  resolveBranch,
  type PathSegments,
  type SchemaNode,
} from './reply-json-schema.js';

/**
 * Completion for the studio's JSON editor, read from the shared reply schema: the keys an object
 * may still take (with their documentation), the values a key takes (`button_type`, `input_type`,
 * booleans), and whole new items for arrays (a button of each type, a card, a field…).
 */

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The schema at `path` with unions left unresolved at the end (intermediates resolved by `root`). */
function rawSchemaAt(path: PathSegments, root: unknown): SchemaNode | null {
  let node: SchemaNode | null = kindlyReplyJsonSchema();
  let value: unknown = root;
  for (const segment of path) {
    if (!node) return null;
    const resolved: SchemaNode = resolveBranch(node, value);
    if (typeof segment === 'number') {
      node = resolved.items ?? null;
      value = Array.isArray(value) ? (value[segment] as unknown) : undefined;
    } else {
      node =
        resolved.properties?.[segment] ??
        (isObject(resolved.additionalProperties) ? resolved.additionalProperties : null);
      value = isObject(value) ? value[segment] : undefined;
    }
  }
  return node;
}

function typeOf(node: SchemaNode): string | undefined {
  return Array.isArray(node.type) ? node.type[0] : node.type;
}

/** The smallest value that satisfies a schema: required keys only, consts filled in. */
export function skeleton(node: SchemaNode, depth = 0): unknown {
  if (node.const !== undefined) return node.const;
  if (node.enum?.length) return node.enum[0];
  const branches = node.oneOf ?? node.anyOf;
  if (branches?.[0]) return skeleton(branches[0], depth);
  switch (typeOf(node)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      if (depth > 4) return out;
      for (const key of node.required ?? []) {
        const property = node.properties?.[key];
        if (property) out[key] = skeleton(property, depth + 1);
      }
      return out;
    }
    case 'array':
      return [];
    case 'string':
      return '';
    case 'number':
    case 'integer':
      return 1;
    case 'boolean':
      return false;
    default:
      return null;
  }
}

const ITEM_NAMES: Record<string, string> = {
  buttons: 'button',
  image_carousel: 'card',
  fields: 'field',
  options: 'option',
  validators: 'validator',
  labels: 'label',
};

function discriminator(branch: SchemaNode): string | null {
  for (const property of Object.values(branch.properties ?? {})) {
    if (typeof property.const === 'string') return property.const;
  }
  return null;
}

function itemSnippets(container: PathSegments, arraySchema: SchemaNode): JsonCompletionItem[] {
  const items = arraySchema.items;
  if (!items) return [];
  const last = container.at(-1);
  const name = typeof last === 'string' ? (ITEM_NAMES[last] ?? 'item') : 'item';
  const branches = items.oneOf ?? items.anyOf;
  if (branches?.every((branch) => typeOf(branch) === 'object')) {
    return branches.map((branch) => {
      const kind = discriminator(branch) ?? 'item';
      return {
        label: `${kind} ${name}`,
        apply: JSON.stringify(skeleton(branch)),
        detail: 'new item',
        ...(branch.description ? { info: branch.description } : {}),
      };
    });
  }
  if (items.enum) return items.enum.map((value) => valueItem(value, items));
  if (name === 'field') {
    // One snippet per input type: the field's kind is its most important choice.
    const types = items.properties?.input_type?.enum ?? [];
    return types.map((type) => ({
      label: `${String(type)} field`,
      apply: JSON.stringify({ ...(skeleton(items) as Record<string, unknown>), input_type: type }),
      detail: 'new item',
    }));
  }
  if (typeOf(items) === 'object') {
    return [{ label: name, apply: JSON.stringify(skeleton(items)), detail: 'new item' }];
  }
  return [];
}

function valueItem(value: unknown, node: SchemaNode): JsonCompletionItem {
  return {
    label: JSON.stringify(value),
    apply: JSON.stringify(value),
    detail: describeType({ ...node, enum: undefined, const: undefined }),
  };
}

function valueCompletions(node: SchemaNode): JsonCompletionItem[] {
  if (node.const !== undefined) return [valueItem(node.const, node)];
  if (node.enum) return node.enum.map((value) => valueItem(value, node));
  const branches = node.oneOf ?? node.anyOf;
  if (branches?.some((branch) => branch.const !== undefined)) {
    return branches
      .filter((branch) => branch.const !== undefined)
      .map((branch) => valueItem(branch.const, node));
  }
  switch (typeOf(node)) {
    case 'boolean':
      return [valueItem(true, node), valueItem(false, node)];
    case 'array':
      return [{ label: '[]', apply: '[]', detail: 'array' }];
    case 'object':
      return [{ label: '{}', apply: '{}', detail: 'object' }];
    default:
      return [];
  }
}

/** Completion items for the cursor; `root` is the reply as last parsed (for paths through unions). */
export function completeKindlyReply(cursor: CursorPath, root: unknown): JsonCompletionItem[] {
  if (cursor.containerType === null) return [{ label: '{}', apply: '{}', detail: 'reply object' }];
  const raw = rawSchemaAt(cursor.container, root);
  if (!raw) return [];

  if (cursor.containerType === 'array') return itemSnippets(cursor.container, raw);

  const container = resolveBranch(raw, cursor.siblingValues);
  if (cursor.inKey) {
    const required = new Set(container.required ?? []);
    return Object.entries(container.properties ?? {})
      .filter(([key]) => !cursor.siblingKeys.includes(key))
      .map(([key, property]) => ({
        label: key,
        detail: `${describeType(property)}${required.has(key) ? ' · required' : ''}`,
        ...(property.description ? { info: property.description } : {}),
      }));
  }
  if (cursor.property === null) return [];
  // The discriminator itself: offer every branch's value, not just the one already chosen.
  const property =
    raw.oneOf || raw.anyOf
      ? resolveBranch(raw, undefined).properties?.[cursor.property]
      : container.properties?.[cursor.property];
  return property ? valueCompletions(property) : [];
}
