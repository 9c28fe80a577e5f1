import { z } from 'zod';

/** Headers exactly as they travelled: order, case and duplicates kept. */
export const HeaderList = z.array(z.tuple([z.string(), z.string()]));
export type HeaderList = z.infer<typeof HeaderList>;

/** A body on the wire of the API: bytes as base64 so binary survives JSON. */
export const BodyDto = z.object({
  base64: z.string(),
  /** Size of the whole body as received, even when only a prefix was kept. */
  size: z.number().int().nonnegative(),
  /** True when only the first part of the body was stored (e.g. an oversized request). */
  truncated: z.boolean(),
});
export type BodyDto = z.infer<typeof BodyDto>;
