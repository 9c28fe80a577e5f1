import { z } from 'zod';
import { AutoReplyConfig, AutoReplyRule } from '../../model/autoreply.js';
import { defineMethod } from '../define.js';

export const autoreplyMethods = {
  'autoreplies.list': defineMethod({
    description: 'The Dashly auto-responder: global switch, per-conversation cooldown and rules in order.',
    input: z.object({}).default({}),
    output: AutoReplyConfig,
  }),
  'autoreplies.save': defineMethod({
    description:
      'Replaces the auto-responder configuration. Rules match incoming user messages only (never operator, bot, note or system parts): `phrase` literally and case-insensitively, or as a regular expression when `regex: true` (validated here; patterns prone to catastrophic backtracking are refused); `endpoint` limits a rule to a listener path prefix. At most one auto-reply per conversation per `cooldownSeconds` (default 60).',
    input: z.object({
      enabled: z.boolean(),
      cooldownSeconds: AutoReplyConfig.shape.cooldownSeconds.default(60),
      rules: z.array(AutoReplyRule).max(500),
    }),
    output: AutoReplyConfig,
  }),
};
