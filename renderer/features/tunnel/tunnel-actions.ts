import { call } from '../../api/client.js';
import { useAppStore } from '../../state/store.js';

export async function refreshTunnel(): Promise<void> {
  try {
    useAppStore.setState({ tunnel: await call('tunnel.status', {}) });
  } catch {
    // The status also arrives as events; a failed read is not worth an error here.
  }
}

async function run(action: () => Promise<unknown>): Promise<void> {
  useAppStore.setState({ tunnelBusy: true });
  try {
    await action();
  } catch (error) {
    useAppStore.getState().showToast((error as Error).message, 'error');
  } finally {
    useAppStore.setState({ tunnelBusy: false });
  }
}

export function startTunnel(input: { host?: string; subdomain?: string } = {}): Promise<void> {
  return run(async () => useAppStore.setState({ tunnel: await call('tunnel.start', input) }));
}

export function stopTunnel(): Promise<void> {
  return run(async () => useAppStore.setState({ tunnel: await call('tunnel.stop', {}) }));
}
