/**
 * Response templates: `{{placeholder}}` substitution from a webhook's payload. Pure (no DOM, no
 * Node) so the core, the rules editor and the Kindly reply studio render the same way.
 *
 * Syntax (see electron/core/responders/README.md):
 * - `{{path}}` inserts a value found by a dotted path (`{{message}}`, `{{context.store}}`,
 *   `{{items[0].name}}`, `{{context["opening hours"]}}`); whitespace inside the braces is ignored.
 * - `{{path | text}}` inserts `text` when the value is missing or null.
 * - `\{{` is a literal `{{`. An unclosed `{{` or an invalid path stays as typed.
 * - In a JSON body, a string that is exactly one placeholder takes the value's own type
 *   (`"{{context}}"` inserts the object); elsewhere values become text (objects as JSON).
 * - Missing values insert an empty string. Lookups follow own properties only.
 * Placeholders are never evaluated as code, and the rendered size is bounded.
 */
import { lookupPath, parsePath, type Lookup } from './path.js';

/** Resolves a parsed path to a value; see `layeredScope`. */
export type TemplateScope = (segments: readonly string[]) => Lookup;

export type TemplatePart =
  | { kind: 'text'; text: string }
  | { kind: 'placeholder'; raw: string; path: string; segments: string[]; fallback: string | null };

/** Largest rendered output, so a template cannot multiply a large payload without bound. */
export const MAX_RENDERED_CHARS = 4 * 1024 * 1024;

export class TemplateTooLargeError extends Error {
  constructor() {
    super(`The rendered response is larger than ${MAX_RENDERED_CHARS} characters.`);
    this.name = 'TemplateTooLargeError';
  }
}

/** Tries each root in order; the first that has the path wins. */
export function layeredScope(...roots: unknown[]): TemplateScope {
  return (segments) => {
    for (const root of roots) {
      const hit = lookupPath(root, segments);
      if (hit.found) return hit;
    }
    return { found: false };
  };
}

export function parseTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('\\{{', i)) {
      literal += '{{';
      i += 3;
      continue;
    }
    if (!text.startsWith('{{', i)) {
      literal += text[i];
      i++;
      continue;
    }
    const close = text.indexOf('}}', i + 2);
    if (close === -1) {
      literal += text.slice(i);
      break;
    }
    const raw = text.slice(i, close + 2);
    const inner = text.slice(i + 2, close);
    const bar = inner.indexOf('|');
    const path = (bar === -1 ? inner : inner.slice(0, bar)).trim();
    const parsed = parsePath(path);
    if (!parsed.ok) {
      literal += raw;
      i = close + 2;
      continue;
    }
    if (literal) parts.push({ kind: 'text', text: literal });
    literal = '';
    parts.push({
      kind: 'placeholder',
      raw,
      path,
      segments: parsed.segments,
      fallback: bar === -1 ? null : inner.slice(bar + 1).trim(),
    });
    i = close + 2;
  }
  if (literal) parts.push({ kind: 'text', text: literal });
  return parts;
}

/** A value as text: strings as they are, null/missing as empty, others as JSON. */
export function valueAsText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return JSON.stringify(value) ?? '';
}

class Budget {
  private used = 0;
  spend(chars: number): void {
    this.used += chars;
    if (this.used > MAX_RENDERED_CHARS) throw new TemplateTooLargeError();
  }
}

function resolvePlaceholder(
  part: Extract<TemplatePart, { kind: 'placeholder' }>,
  scope: TemplateScope,
): unknown {
  const hit = scope(part.segments);
  if (hit.found && hit.value !== null) return hit.value;
  return part.fallback ?? (hit.found ? null : '');
}

function renderParts(parts: TemplatePart[], scope: TemplateScope, budget: Budget): string {
  let out = '';
  for (const part of parts) {
    const text = part.kind === 'text' ? part.text : valueAsText(resolvePlaceholder(part, scope));
    budget.spend(text.length);
    out += text;
  }
  return out;
}

/** Renders a text template. Throws TemplateTooLargeError past MAX_RENDERED_CHARS. */
export function renderTemplate(text: string, scope: TemplateScope): string {
  return renderParts(parseTemplate(text), scope, new Budget());
}

/**
 * Renders every string inside a JSON value (object keys are left alone). A string that is exactly
 * one placeholder keeps the inserted value's type.
 */
export function renderJsonTemplate(value: unknown, scope: TemplateScope): unknown {
  const budget = new Budget();
  const walk = (node: unknown, depth: number): unknown => {
    if (depth > 200) return node;
    if (typeof node === 'string') {
      const parts = parseTemplate(node);
      const only = parts.length === 1 ? parts[0] : undefined;
      if (only?.kind === 'placeholder') {
        const resolved = resolvePlaceholder(only, scope);
        budget.spend(typeof resolved === 'string' ? resolved.length : valueAsText(resolved).length);
        return resolved;
      }
      return renderParts(parts, scope, budget);
    }
    if (Array.isArray(node)) return node.map((item) => walk(item, depth + 1));
    if (typeof node === 'object' && node !== null) {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(node)) {
        budget.spend(key.length);
        out[key] = walk(item, depth + 1);
      }
      return out;
    }
    return node;
  };
  return walk(value, 0);
}

/** Every placeholder path used in a value (strings inside JSON included), for editors and docs. */
export function listPlaceholders(value: unknown): string[] {
  const found = new Set<string>();
  const walk = (node: unknown, depth: number): void => {
    if (depth > 200) return;
    if (typeof node === 'string') {
      for (const part of parseTemplate(node)) if (part.kind === 'placeholder') found.add(part.path);
    } else if (Array.isArray(node)) {
      for (const item of node) walk(item, depth + 1);
    } else if (typeof node === 'object' && node !== null) {
      for (const item of Object.values(node)) walk(item, depth + 1);
    }
  };
  walk(value, 0);
  return [...found];
}

/** Placeholders that will render as typed because their path is invalid, e.g. `{{a..b}}`. */
export function templateProblems(value: unknown): string[] {
  const problems: string[] = [];
  const walk = (node: unknown, depth: number): void => {
    if (depth > 200) return;
    if (typeof node === 'string') {
      let from = 0;
      for (;;) {
        const open = node.indexOf('{{', from);
        if (open === -1) break;
        if (open > 0 && node[open - 1] === '\\') {
          from = open + 2;
          continue;
        }
        const close = node.indexOf('}}', open + 2);
        if (close === -1) break;
        const inner = node.slice(open + 2, close);
        const bar = inner.indexOf('|');
        const parsed = parsePath((bar === -1 ? inner : inner.slice(0, bar)).trim());
        if (!parsed.ok) problems.push(`{{${inner}}}: ${parsed.error}`);
        from = close + 2;
      }
    } else if (Array.isArray(node)) {
      for (const item of node) walk(item, depth + 1);
    } else if (typeof node === 'object' && node !== null) {
      for (const item of Object.values(node)) walk(item, depth + 1);
    }
  };
  walk(value, 0);
  return problems;
}
