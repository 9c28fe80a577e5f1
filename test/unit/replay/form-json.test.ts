import { describe, expect, it } from 'vitest';
import {
  decodeFormComponent,
  encodeForm,
  encodeFormComponent,
  parseForm,
} from '../../../shared/replay/form-codec.js';
import {
  COMPACT_STYLE,
  PYTHON_STYLE,
  detectJsonStyle,
  parseJsonExact,
  restyleJson,
  stringifyJsonStyled,
} from '../../../shared/replay/json-style.js';
import { DASHLY_DOC_LEAD_BODY } from '../../fixtures/dashly.js';

describe('form codec', () => {
  it('parses fields with their raw bytes and decodes + and %XX as UTF-8', () => {
    const fields = parseForm('a=b+c&x=%C3%86%2B&flag&=empty&a=2');
    expect(fields.map((field) => [field.name, field.value])).toEqual([
      ['a', 'b c'],
      ['x', 'Æ+'],
      ['flag', ''],
      ['', 'empty'],
      ['a', '2'],
    ]);
    expect(fields[1]!.raw).toBe('x=%C3%86%2B');
    expect(decodeFormComponent('%zz%4')).toBe('%zz%4');
  });

  it('encodes like quote_plus and keeps unchanged fields byte-exact', () => {
    expect(encodeFormComponent('a b/c~d*é')).toBe('a+b%2Fc~d%2A%C3%A9');
    const fields = parseForm(DASHLY_DOC_LEAD_BODY).map((field): [string, string] => [
      field.name,
      field.value,
    ]);
    expect(encodeForm(fields, DASHLY_DOC_LEAD_BODY)).toBe(DASHLY_DOC_LEAD_BODY);
    const changed = fields.map(([name, value]): [string, string] => [
      name,
      name === 'token' ? 'new token' : value,
    ]);
    expect(encodeForm(changed, DASHLY_DOC_LEAD_BODY)).toBe(
      DASHLY_DOC_LEAD_BODY.replace('token=xxx', 'token=new+token'),
    );
    // The doc example is Python's urlencode: re-encoding its decoded fields reproduces it exactly.
    expect(encodeForm(fields)).toBe(DASHLY_DOC_LEAD_BODY);
  });
});

describe('JSON styles', () => {
  it('detects compact, Python-spaced, pretty, ASCII-escaped and slash-escaped JSON', () => {
    expect(detectJsonStyle('{"a":1,"b":[1,2]}')).toEqual(COMPACT_STYLE);
    expect(detectJsonStyle('{"a": 1, "b": "\\u00e6"}')).toEqual({ ...PYTHON_STYLE });
    expect(detectJsonStyle('{\n  "a": 1\n}').indent).toBe(2);
    expect(detectJsonStyle('{"a":"æ"}').asciiOnly).toBe(false);
    expect(detectJsonStyle('{"u":"http:\\/\\/x"}').escapeSlash).toBe(true);
  });

  it('writes values back in a style with numbers exact', () => {
    const value = parseJsonExact('{"id":18446744073709551615,"f":1.50,"e":1e400,"s":"æ/\\n"}');
    expect(stringifyJsonStyled(value, COMPACT_STYLE)).toBe(
      '{"id":18446744073709551615,"f":1.50,"e":1e400,"s":"æ/\\n"}',
    );
    expect(stringifyJsonStyled(value, PYTHON_STYLE)).toBe(
      '{"id": 18446744073709551615, "f": 1.50, "e": 1e400, "s": "\\u00e6/\\n"}',
    );
    expect(restyleJson('{\n "a" : [ 1 , 2 ]\n}', '{"x": 0}')).toBe('{"a": [1, 2]}');
    expect(stringifyJsonStyled(parseJsonExact('{"a":{"b":[]}}'), { ...COMPACT_STYLE, indent: 2 })).toBe(
      '{\n  "a": {\n    "b": []\n  }\n}',
    );
    expect(stringifyJsonStyled('\ud800x', COMPACT_STYLE)).toBe('"\\ud800x"');
    expect(stringifyJsonStyled('😀', PYTHON_STYLE)).toBe('"\\ud83d\\ude00"');
  });
});
