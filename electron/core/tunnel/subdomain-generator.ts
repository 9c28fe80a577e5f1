import { randomInt } from 'node:crypto';
import { isValidSubdomain } from '../../../shared/tunnel/subdomain.js';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A subdomain that follows the server's rules and is unlikely to be taken:
 * `convoscope-` plus 10 random lowercase letters and digits (36^10 ≈ 3.7·10^15 names).
 */
export function generateSubdomain(random: (max: number) => number = randomInt): string {
  let suffix = '';
  for (let i = 0; i < 10; i++) suffix += ALPHABET[random(ALPHABET.length)] ?? 'x';
  const name = `convoscope-${suffix}`;
  if (!isValidSubdomain(name)) throw new Error(`Generated an invalid subdomain ${name}`);
  return name;
}
