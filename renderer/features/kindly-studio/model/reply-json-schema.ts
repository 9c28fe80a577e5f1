import { z } from 'zod';
import { KindlyReply } from '../../../../shared/kindly/reply-schema.js';

/**
 * The shared Kindly reply schema as JSON Schema, and a walker over it: which object sits at a JSON
 * path, which keys it has in which order, which values a key takes. The studio's completion and the
 * builder's key order both come from here, so they cannot drift from the validator's schema.
 */

export interface SchemaNode {
  type?: string | string[];
  description?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  const?: unknown;
  enum?: unknown[];
  minItems?: number;
  maxItems?: number;
}

export type PathSegments = readonly (string | number)[];

let cached: SchemaNode | null = null;

/** JSON Schema of the whole reply (built once; `unknown` values become `{}`: anything). */
export function kindlyReplyJsonSchema(): SchemaNode {
  cached ??= z.toJSONSchema(KindlyReply, { unrepresentable: 'any' }) as SchemaNode;
  return cached;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A union of object shapes (the button types) seen through an actual value: the branch whose
 * `const` keys match it, or, when none does, all branches merged (the discriminator becomes an enum).
 */
export function resolveBranch(node: SchemaNode, value: unknown): SchemaNode {
  const branches = node.oneOf ?? node.anyOf;
  if (!branches || !branches.every((branch) => branch.type === 'object')) return node;
  if (isObject(value)) {
    const match = branches.find((branch) =>
      Object.entries(branch.properties ?? {}).every(
        ([key, property]) => property.const === undefined || value[key] === property.const,
      ),
    );
    const discriminated = branches.some((branch) =>
      Object.values(branch.properties ?? {}).some((property) => property.const !== undefined),
    );
    if (match && discriminated) return match;
  }
  return mergeBranches(branches);
}

function mergeBranches(branches: SchemaNode[]): SchemaNode {
  const properties: Record<string, SchemaNode> = {};
  const required = new Set<string>(branches[0]?.required ?? []);
  for (const branch of branches) {
    for (const [key, property] of Object.entries(branch.properties ?? {})) {
      const known = properties[key];
      if (!known) {
        properties[key] =
          property.const !== undefined
            ? { type: property.type ?? 'string', enum: [property.const] }
            : property;
      } else if (property.const !== undefined && known.enum && !known.enum.includes(property.const)) {
        known.enum.push(property.const);
      }
    }
    for (const key of required) if (!branch.required?.includes(key)) required.delete(key);
  }
  return { type: 'object', properties, required: [...required], additionalProperties: false };
}

/** The child schema of `node` at one segment; null when the schema says nothing about it. */
function child(node: SchemaNode, segment: string | number): SchemaNode | null {
  if (typeof segment === 'number') return node.items ?? null;
  const property = node.properties?.[segment];
  if (property) return property;
  return isObject(node.additionalProperties) ? node.additionalProperties : null;
}

/**
 * The schema of the value at `path`, its unions resolved against `root` (the reply as far as it is
 * known). Null for places the schema does not describe (unknown keys, values inside `new_context`).
 */
export function schemaAt(path: PathSegments, root: unknown): SchemaNode | null {
  let node: SchemaNode | null = resolveBranch(kindlyReplyJsonSchema(), root);
  let value: unknown = root;
  for (const segment of path) {
    if (!node) return null;
    const next = child(node, segment);
    value =
      typeof segment === 'number'
        ? Array.isArray(value)
          ? (value[segment] as unknown)
          : undefined
        : isObject(value)
          ? value[segment]
          : undefined;
    node = next ? resolveBranch(next, value) : null;
  }
  return node;
}

/** Documented key order of the object at `path` (for inserting new keys where a reader expects them). */
export function keyOrderAt(path: PathSegments, root: unknown): string[] {
  return Object.keys(schemaAt(path, root)?.properties ?? {});
}

/** A short type description for completion details: `string`, `array`, `"quick_reply" | …`. */
export function describeType(node: SchemaNode): string {
  if (node.const !== undefined) return JSON.stringify(node.const);
  if (node.enum) return node.enum.map((value) => JSON.stringify(value)).join(' | ');
  const branches = node.oneOf ?? node.anyOf;
  if (branches) return branches.map(describeType).join(' | ');
  if (Array.isArray(node.type)) return node.type.join(' | ');
  return node.type ?? 'any';
}
