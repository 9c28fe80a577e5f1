import { z } from 'zod';
import { ProviderId } from '../../model/provider.js';
import { ReplyTemplate } from '../../model/reply-template.js';
import { defineMethod } from '../define.js';

export const TemplateId = z.number().int().positive();

export const templateMethods = {
  'templates.list': defineMethod({
    description: 'Named reply templates, by name; `provider` filters (e.g. `kindly`).',
    input: z.object({ provider: ProviderId.optional() }).default({}),
    output: z.array(ReplyTemplate),
  }),
  'templates.save': defineMethod({
    description:
      'Creates a template, or updates the one with `id`. `body` is text (placeholders such as `{{message}}` may stand where JSON would not allow them); names are unique per provider.',
    input: z.object({
      id: TemplateId.optional(),
      name: z.string().trim().min(1).max(200),
      provider: ProviderId.default('kindly'),
      body: z.string().max(5 * 1024 * 1024),
    }),
    output: ReplyTemplate,
  }),
  'templates.delete': defineMethod({
    description: 'Deletes one template.',
    input: z.object({ id: TemplateId }),
    output: z.object({ deleted: z.literal(true) }),
  }),
};
