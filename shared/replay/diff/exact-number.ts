/**
 * Numbers compared by value from their exact text, never through a float: `1e2` equals `100` and
 * `1.50` equals `1.5`, while 18446744073709551615 and 18446744073709551614 stay different.
 */
export function canonicalNumber(text: string): string {
  const match = /^(-?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/u.exec(text.trim());
  if (!match) return text.trim();
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  let digits = `${whole}${fraction}`;
  let point = whole.length + Number(exponent);
  const leading = /^0*/u.exec(digits)?.[0].length ?? 0;
  digits = digits.slice(leading);
  point -= leading;
  digits = digits.replace(/0+$/u, '');
  if (digits === '') return '0';
  return `${sign}${digits}e${point}`;
}

export function numbersEqual(a: string, b: string): boolean {
  return a === b || canonicalNumber(a) === canonicalNumber(b);
}
