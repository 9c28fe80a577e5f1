/**
 * Whether `pathname` lies under `prefix` on a segment boundary: `/kindly` covers `/kindly` and
 * `/kindly/x`, not `/kindlyx`; `/` covers everything. Listener routing, endpoints and auto-reply
 * scopes all use this one rule.
 */
export function isUnderPrefix(pathname: string, prefix: string): boolean {
  if (prefix === '/' || prefix === '') return true;
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}
