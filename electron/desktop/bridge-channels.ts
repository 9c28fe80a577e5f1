/** IPC channels of the desktop bridge; the preload and the main process share these names only. */
export const BRIDGE_CHANNELS = {
  notify: 'convoscope:notify',
  openExternal: 'convoscope:open-external',
  /** Main → renderer: a menu command (`close-panel`, `show-shortcuts`). */
  menuCommand: 'convoscope:menu-command',
} as const;

/** Menu commands the renderer understands. */
export const MENU_COMMANDS = ['close-panel', 'show-shortcuts'] as const;

/** Passed to the preload through `additionalArguments`. */
export const BRIDGE_ARG_PREFIX = '--convoscope-bridge=';

export interface BridgeBootstrap {
  apiPort: number;
  apiToken: string;
}
