import { z } from 'zod';

// The UI's Content-Security-Policy has no 'unsafe-eval'. zod compiles fast parsers with
// `new Function` unless told not to, and its probe for that is reported as a CSP violation.
z.config({ jitless: true });
