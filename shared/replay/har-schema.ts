import { z } from 'zod';

/**
 * HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/): every field the spec marks required,
 * with its type. Custom fields (names starting with `_`) are allowed everywhere, as the spec says.
 * Used to validate what Convoscope exports; imports read more leniently.
 */
const NameValue = z.looseObject({ name: z.string(), value: z.string(), comment: z.string().optional() });

const Cookie = z.looseObject({
  name: z.string(),
  value: z.string(),
  path: z.string().optional(),
  domain: z.string().optional(),
  expires: z.string().nullable().optional(),
  httpOnly: z.boolean().optional(),
  secure: z.boolean().optional(),
});

const PostData = z.looseObject({
  mimeType: z.string(),
  params: z
    .array(
      z.looseObject({
        name: z.string(),
        value: z.string().optional(),
        fileName: z.string().optional(),
        contentType: z.string().optional(),
      }),
    )
    .optional(),
  text: z.string().optional(),
});

const Request = z.looseObject({
  method: z.string(),
  url: z.string(),
  httpVersion: z.string(),
  cookies: z.array(Cookie),
  headers: z.array(NameValue),
  queryString: z.array(NameValue),
  postData: PostData.optional(),
  headersSize: z.number().int(),
  bodySize: z.number().int(),
});

const Content = z.looseObject({
  size: z.number().int(),
  compression: z.number().int().optional(),
  mimeType: z.string(),
  text: z.string().optional(),
  encoding: z.string().optional(),
});

const Response = z.looseObject({
  status: z.number().int(),
  statusText: z.string(),
  httpVersion: z.string(),
  cookies: z.array(Cookie),
  headers: z.array(NameValue),
  content: Content,
  redirectURL: z.string(),
  headersSize: z.number().int(),
  bodySize: z.number().int(),
});

const Timings = z.looseObject({
  blocked: z.number().optional(),
  dns: z.number().optional(),
  connect: z.number().optional(),
  send: z.number(),
  wait: z.number(),
  receive: z.number(),
  ssl: z.number().optional(),
});

export const HarEntry = z.looseObject({
  pageref: z.string().optional(),
  startedDateTime: z.iso.datetime({ offset: true }),
  time: z.number().nonnegative(),
  request: Request,
  response: Response,
  cache: z.looseObject({}),
  timings: Timings,
  serverIPAddress: z.string().optional(),
  connection: z.string().optional(),
});
export type HarEntry = z.infer<typeof HarEntry>;

export const HarLog = z.looseObject({
  log: z.looseObject({
    version: z.string(),
    creator: z.looseObject({ name: z.string(), version: z.string() }),
    browser: z.looseObject({ name: z.string(), version: z.string() }).optional(),
    pages: z.array(z.looseObject({})).optional(),
    entries: z.array(HarEntry),
    comment: z.string().optional(),
  }),
});
export type HarLog = z.infer<typeof HarLog>;
