import { syntaxTree } from '@codemirror/language';
import type { EditorState } from '@codemirror/state';
import type { SyntaxNode } from '@lezer/common';

/** A JSON path as keys and indexes, e.g. `['form', 'fields', 5]`. */
export type JsonPathSegments = (string | number)[];

const VALUE_NODES = new Set(['Object', 'Array', 'String', 'Number', 'True', 'False', 'Null']);

function valueChildren(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (VALUE_NODES.has(child.name) || child.name === 'Property') out.push(child);
  }
  return out;
}

function propertyName(state: EditorState, property: SyntaxNode): string | null {
  const name = property.getChild('PropertyName');
  if (!name) return null;
  try {
    return JSON.parse(state.sliceDoc(name.from, name.to)) as string;
  } catch {
    return null;
  }
}

function propertyValue(property: SyntaxNode): SyntaxNode | null {
  for (let child = property.lastChild; child; child = child.prevSibling) {
    if (VALUE_NODES.has(child.name)) return child;
  }
  return null;
}

function topValue(state: EditorState): SyntaxNode | null {
  const root = syntaxTree(state).topNode;
  for (let child = root.firstChild; child; child = child.nextSibling)
    if (VALUE_NODES.has(child.name)) return child;
  return null;
}

/**
 * The document range of the value at `segments` (or of the key, for a property), for placing an
 * inline error where a validator's JSON path points. Falls back to the deepest part that exists.
 */
export function rangeOfPath(state: EditorState, segments: JsonPathSegments): { from: number; to: number } {
  let node = topValue(state);
  if (!node) return { from: 0, to: Math.min(1, state.doc.length) };
  let range = { from: node.from, to: node.to };
  for (const segment of segments) {
    if (!node) break;
    let next: SyntaxNode | null = null;
    if (node.name === 'Object' && typeof segment === 'string') {
      const property = valueChildren(node).find(
        (child) => child.name === 'Property' && propertyName(state, child) === segment,
      );
      if (property) {
        const name = property.getChild('PropertyName');
        range = name ? { from: name.from, to: name.to } : { from: property.from, to: property.to };
        next = propertyValue(property);
      }
    } else if (node.name === 'Array' && typeof segment === 'number') {
      next = valueChildren(node)[segment] ?? null;
      if (next) range = { from: next.from, to: next.to };
    }
    if (!next) break;
    node = next;
  }
  return range;
}

export interface CursorPath {
  /** Path of the object or array the cursor is directly inside. */
  container: JsonPathSegments;
  containerType: 'object' | 'array' | null;
  /** Whether the cursor is where a property name goes (inside an object, before a colon). */
  inKey: boolean;
  /** For a value position inside an object: the property it belongs to. */
  property: string | null;
  /** Keys already present in the containing object. */
  siblingKeys: string[];
  /** Values of the containing object's properties that are plain literals (strings, numbers, …),
   * e.g. `button_type`, so completion can tell which kind of object the cursor is in. */
  siblingValues: Record<string, unknown>;
}

const LITERAL_NODES = new Set(['String', 'Number', 'True', 'False', 'Null']);

function literalSiblings(state: EditorState, object: SyntaxNode): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const child of valueChildren(object)) {
    if (child.name !== 'Property') continue;
    const name = propertyName(state, child);
    const value = propertyValue(child);
    if (name === null || !value || !LITERAL_NODES.has(value.name)) continue;
    try {
      values[name] = JSON.parse(state.sliceDoc(value.from, value.to)) as unknown;
    } catch {
      // An unfinished literal tells nothing.
    }
  }
  return values;
}

/** Where the cursor is, in JSON terms: for path-aware completion. */
export function pathAtCursor(state: EditorState, pos: number): CursorPath {
  const tree = syntaxTree(state);
  let node: SyntaxNode | null = tree.resolveInner(pos, -1);
  // Climb to the nearest Object/Array, remembering the Property we passed.
  let property: SyntaxNode | null = null;
  while (node && node.name !== 'Object' && node.name !== 'Array') {
    if (node.name === 'Property' && !property) property = node;
    node = node.parent;
  }
  if (!node)
    return {
      container: [],
      containerType: null,
      inKey: false,
      property: null,
      siblingKeys: [],
      siblingValues: {},
    };
  const container: JsonPathSegments = [];
  let walker: SyntaxNode = node;
  while (walker.parent) {
    const parent: SyntaxNode = walker.parent;
    if (parent.name === 'Property') {
      const name = propertyName(state, parent);
      if (name !== null) container.unshift(name);
    } else if (parent.name === 'Array') {
      const index = valueChildren(parent).findIndex((child) => child.from === walker.from);
      if (index >= 0) container.unshift(index);
    }
    walker = parent;
  }
  const siblingKeys =
    node.name === 'Object'
      ? valueChildren(node)
          .filter((child) => child.name === 'Property')
          .map((child) => propertyName(state, child))
          .filter((name): name is string => name !== null)
      : [];
  let inKey = false;
  let propertyKey: string | null = null;
  if (node.name === 'Object') {
    if (property) {
      const colon = property.getChild(':');
      inKey = !colon || pos <= colon.from;
      propertyKey = inKey ? null : propertyName(state, property);
    } else {
      inKey = true;
    }
  }
  return {
    container,
    containerType: node.name === 'Object' ? 'object' : 'array',
    inKey,
    property: propertyKey,
    siblingKeys,
    siblingValues: node.name === 'Object' ? literalSiblings(state, node) : {},
  };
}
