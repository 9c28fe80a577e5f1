import { describe, expect, it } from 'vitest';
import { formatJsonPath, validateKindlyReply } from '../../../shared/kindly/index.js';
import {
  findingsAsDiagnostics,
  findingsAt,
  flattenFindings,
  parseJsonPath,
  summarizeFindings,
  worstWithin,
} from '../../../renderer/features/kindly-studio/model/findings.js';
import { looseText, parseLoose } from '../../../renderer/features/kindly-studio/model/loose-value.js';

describe('findings', () => {
  const broken = {
    reply: 'Hi',
    aireply: { data: 'x' },
    buttons: [{ button_type: 'link', label: 'Go', value: 'javascript:alert(1)' }],
    form: {
      fields: [1, 2, 3, 4, 5, 6].map((order) => ({
        input_type: 'text',
        required: false,
        order,
        texts: { label: `F${order}` },
      })),
    },
  };
  const findings = flattenFindings(validateKindlyReply(broken));

  it('lists errors before warnings before notes, each with its severity', () => {
    const severities = findings.map((finding) => finding.severity);
    expect(severities.indexOf('warning')).toBeGreaterThan(severities.lastIndexOf('error'));
    expect(findings.some((finding) => finding.code === 'form.too_many_fields')).toBe(true);
  });

  it('finds the worst finding inside a part, and the ones exactly at a path', () => {
    expect(worstWithin(findings, ['buttons', 0])).toBe('error');
    expect(worstWithin(findings, ['labels'])).toBeNull();
    expect(findingsAt(findings, ['buttons', 0, 'value']).map((finding) => finding.code)).toEqual([
      'url.unsafe_scheme',
    ]);
  });

  it('turns findings into editor diagnostics at the same paths, without syntax errors', () => {
    const diagnostics = findingsAsDiagnostics(findings);
    expect(diagnostics).toHaveLength(findings.length);
    expect(diagnostics[0]).toMatchObject({ severity: 'error' });
  });

  it('reads back the paths formatJsonPath writes', () => {
    for (const segments of [
      [],
      ['form', 'fields', 5],
      ['new_context', 'user email'],
      ['image_carousel', 0, 'buttons', 1, 'id'],
    ])
      expect(parseJsonPath(formatJsonPath(segments))).toEqual(segments);
  });

  it('summarizes the verdict in words', () => {
    expect(summarizeFindings(validateKindlyReply({ reply: 'Hi' }))).toBe('Kindly would accept it');
    expect(summarizeFindings(validateKindlyReply(broken))).toMatch(/^\d+ errors? · \d+ warnings?/u);
  });
});

describe('loose values', () => {
  it('keeps text as text and JSON as its value', () => {
    expect(parseLoose('42', 'text')).toEqual({ ok: true, value: '42' });
    expect(parseLoose('42', 'json')).toEqual({ ok: true, value: 42 });
    expect(parseLoose('{"a":1}', 'json')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseLoose('{a', 'json').ok).toBe(false);
    expect(looseText({ a: 1 }, 'json')).toBe('{"a":1}');
    expect(looseText('x', 'text')).toBe('x');
  });
});
