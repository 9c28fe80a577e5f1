import { z } from 'zod';

/** Every platform Convoscope understands, plus the generic fallback. */
export const providerIds = ['dashly', 'kindly', 'other'] as const;
export const ProviderId = z.enum(providerIds);
export type ProviderId = z.infer<typeof ProviderId>;
