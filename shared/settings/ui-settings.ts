import { z } from 'zod';
import { defineSetting } from './define.js';

export const uiSettings = {
  'ui.theme': defineSetting({
    schema: z.enum(['system', 'light', 'dark']),
    default: 'system',
    secret: false,
    description: 'Colour theme: follow the OS, or always light or dark.',
  }),
  'ui.guideSeen': defineSetting({
    schema: z.boolean(),
    default: false,
    secret: false,
    description:
      'The first-run guide was shown (or dismissed); false opens it at the next start. It stays reachable from Help › Getting started.',
  }),
};
