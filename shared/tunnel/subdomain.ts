/**
 * The localtunnel server's subdomain rule, copied from its handshake route: lowercase letters,
 * digits and hyphens; 4–63 characters without a hyphen, 6 or more with one, never starting or
 * ending with one. A name that breaks it gets a 403 that the stock client retries forever, so it
 * is checked here before anything is sent (docs/localtunnel.md §3.3).
 */
export const SUBDOMAIN_PATTERN = /^(?:[a-z0-9][a-z0-9-]{4,63}[a-z0-9]|[a-z0-9]{4,63})$/u;

/** A DNS label is at most 63 characters; the server's pattern would allow 65. */
export const SUBDOMAIN_MAX_LENGTH = 63;

export const SUBDOMAIN_RULE =
  'use 4 to 63 lowercase letters, digits and hyphens; a name with a hyphen needs at least 6 characters and cannot start or end with one';

/** Why `name` cannot be used as a subdomain, in plain words; null when it can. */
export function subdomainProblem(name: string): string | null {
  if (name.length <= SUBDOMAIN_MAX_LENGTH && SUBDOMAIN_PATTERN.test(name)) return null;
  const quoted = JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name);
  let reason: string;
  if (name.length === 0) reason = 'it is empty';
  else if (/[A-Z]/u.test(name)) reason = 'it has uppercase letters';
  else if (/[^a-z0-9-]/u.test(name))
    reason = 'it has characters other than lowercase letters, digits and hyphens';
  else if (name.length < 4) reason = 'it is shorter than 4 characters';
  else if (name.length > SUBDOMAIN_MAX_LENGTH)
    reason = `it is longer than ${SUBDOMAIN_MAX_LENGTH} characters`;
  else if (name.startsWith('-') || name.endsWith('-')) reason = 'it starts or ends with a hyphen';
  else reason = 'a name with a hyphen needs at least 6 characters';
  return `The subdomain ${quoted} cannot be used: ${reason} (${SUBDOMAIN_RULE}).`;
}

export function isValidSubdomain(name: string): boolean {
  return subdomainProblem(name) === null;
}
