import type { MethodDefinition } from '../define.js';
import { appMethods } from './app.js';
import { autoreplyMethods } from './autoreplies.js';
import { captureMethods } from './captures.js';
import { composeMethods } from './compose.js';
import { conversationMethods } from './conversations.js';
import { dashlyMethods } from './dashly.js';
import { endpointMethods } from './endpoints.js';
import { holdMethods } from './holds.js';
import { kindlyMethods } from './kindly.js';
import { replayMethods } from './replays.js';
import { retentionMethods } from './retention.js';
import { settingsMethods } from './settings.js';
import { shareMethods } from './share.js';
import { templateMethods } from './templates.js';
import { tunnelMethods } from './tunnel.js';

/** The whole API, by domain. Add a domain file and spread it here; the server will not compile until it has a handler. */
export const methods = {
  ...appMethods,
  ...captureMethods,
  ...conversationMethods,
  ...endpointMethods,
  ...holdMethods,
  ...settingsMethods,
  ...dashlyMethods,
  ...autoreplyMethods,
  ...kindlyMethods,
  ...templateMethods,
  ...tunnelMethods,
  ...replayMethods,
  ...shareMethods,
  ...composeMethods,
  ...retentionMethods,
} satisfies Record<string, MethodDefinition>;
