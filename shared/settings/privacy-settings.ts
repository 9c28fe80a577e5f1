import { z } from 'zod';
import { defineSetting } from './define.js';

export const privacySettings = {
  'privacy.loadRemoteImages': defineSetting({
    schema: z.boolean(),
    default: false,
    secret: false,
    description:
      'Show images from payloads (Kindly image buttons, carousels). Off: they are not fetched, since fetching tells the sender your IP address and when you looked. Takes effect in open windows after a reload (it also sets the UI’s Content-Security-Policy).',
  }),
};
