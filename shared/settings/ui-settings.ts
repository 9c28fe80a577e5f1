import { z } from 'zod';
import { defineSetting } from './define.js';

export const uiSettings = {
  'ui.theme': defineSetting({
    schema: z.enum(['system', 'light', 'dark']),
    default: 'system',
    secret: false,
    description: 'Colour theme: follow the OS, or always light or dark.',
  }),
};
