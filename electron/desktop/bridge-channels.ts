/** IPC channels of the desktop bridge; the preload and the main process share these names only. */
export const BRIDGE_CHANNELS = {
  /**
   * Synchronous: the preload asks for the API port and token. Answered only to our UI's frame; the
   * token never travels on a process command line (which other local users can read).
   */
  bootstrap: 'convoscope:bootstrap',
  notify: 'convoscope:notify',
  openExternal: 'convoscope:open-external',
  /** Main → renderer: a menu command (`close-panel`, `show-shortcuts`, `show-guide`). */
  menuCommand: 'convoscope:menu-command',
} as const;

/** Menu commands the renderer understands. */
export const MENU_COMMANDS = ['close-panel', 'show-shortcuts', 'show-guide'] as const;

export interface BridgeBootstrap {
  apiPort: number;
  apiToken: string;
}

export function isBridgeBootstrap(value: unknown): value is BridgeBootstrap {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as BridgeBootstrap).apiPort === 'number' &&
    typeof (value as BridgeBootstrap).apiToken === 'string'
  );
}
