/** The optional bridge the Electron preload exposes; absent in a browser (serve mode). */
export interface DesktopApi {
  apiPort: number | null;
  apiToken: string | null;
  notify(title: string, body: string): Promise<boolean>;
  openExternal(url: string): Promise<boolean>;
  /** Menu commands from the desktop shell: `close-panel` (Ctrl/Cmd+W), `show-shortcuts`, `show-guide`. */
  onMenuCommand(callback: (command: string) => void): void;
}

declare global {
  interface Window {
    desktopApi?: DesktopApi;
  }
}

export function desktopApi(): DesktopApi | undefined {
  return window.desktopApi;
}
