import type { MethodDefinition } from '../define.js';
import { appMethods } from './app.js';
import { captureMethods } from './captures.js';
import { conversationMethods } from './conversations.js';
import { settingsMethods } from './settings.js';
import { tunnelMethods } from './tunnel.js';

/** The whole API, by domain. Add a domain file and spread it here; the server will not compile until it has a handler. */
export const methods = {
  ...appMethods,
  ...captureMethods,
  ...conversationMethods,
  ...settingsMethods,
  ...tunnelMethods,
} satisfies Record<string, MethodDefinition>;
