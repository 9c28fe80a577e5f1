import { z } from 'zod';
import { defineSetting } from './define.js';

export const listenerSettings = {
  'listener.maxBodyBytes': defineSetting({
    schema: z
      .number()
      .int()
      .min(1024)
      .max(1024 * 1024 * 1024),
    default: 10 * 1024 * 1024,
    secret: false,
    description:
      'Largest request body the listener stores whole; larger bodies get 413 and a 64 KiB prefix is kept.',
  }),
};
