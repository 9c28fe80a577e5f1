import { describe, expect, it } from 'vitest';
import { closestKey, editDistance, formatJsonPath, readUrl } from '../../../shared/kindly/index.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one each', () => {
    expect(editDistance('butons', 'buttons')).toBe(1);
    expect(editDistance('lables', 'labels')).toBe(1);
    expect(editDistance('reply', 'replies')).toBe(3);
    expect(editDistance('', 'form')).toBe(4);
    expect(editDistance('form', 'form')).toBe(0);
  });
});

describe('closestKey', () => {
  const keys = ['reply', 'buttons', 'image_carousel', 'new_context', 'chatbubble_hide_input_field', 'labels'];
  it('matches case and separator variants first', () => {
    expect(closestKey('imageCarousel', keys)).toBe('image_carousel');
    expect(closestKey('NEW-CONTEXT', keys)).toBe('new_context');
  });
  it('suggests near misses and contained names', () => {
    expect(closestKey('repyl', keys)).toBe('reply');
    expect(closestKey('hide_input_field', keys)).toBe('chatbubble_hide_input_field');
  });
  it('suggests nothing for unrelated keys', () => {
    expect(closestKey('correlation', keys)).toBeNull();
    expect(closestKey('x', keys)).toBeNull();
  });
});

describe('formatJsonPath', () => {
  it('writes dotted paths with indexes and quotes odd keys', () => {
    expect(formatJsonPath([])).toBe('');
    expect(formatJsonPath(['form', 'fields', 5])).toBe('form.fields[5]');
    expect(formatJsonPath(['new_context', 'user email'])).toBe('new_context["user email"]');
  });
});

describe('readUrl', () => {
  it('tells web URLs, bare hosts, unsafe and other schemes apart', () => {
    expect(readUrl('https://example.com/a?b=1')).toEqual({ kind: 'web', href: 'https://example.com/a?b=1' });
    expect(readUrl('example.com')).toEqual({ kind: 'bare-host', href: 'https://example.com' });
    expect(readUrl('example.com:8080/x')).toEqual({ kind: 'bare-host', href: 'https://example.com:8080/x' });
    expect(readUrl('JavaScript:alert(1)')).toEqual({ kind: 'unsafe', scheme: 'javascript' });
    expect(readUrl('java\nscript:alert(1)')).toEqual({ kind: 'unsafe', scheme: 'javascript' });
    expect(readUrl('data:text/html,x')).toEqual({ kind: 'unsafe', scheme: 'data' });
    expect(readUrl('mailto:a@b.no')).toEqual({ kind: 'other-scheme', scheme: 'mailto' });
    expect(readUrl('/relative')).toEqual({ kind: 'relative' });
    expect(readUrl('click here')).toEqual({ kind: 'not-a-url' });
    expect(readUrl('https://')).toEqual({ kind: 'not-a-url' });
  });
});
