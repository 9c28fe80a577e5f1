/**
 * Desktop notifications for new holds: through the desktop bridge in the app, through the browser's
 * Notification API in serve mode. The browser is asked for permission only when the user turns
 * notifications on (a click), never on page load. Payload text is untrusted; notifications show it as
 * plain text, shortened.
 */
import { useSyncExternalStore } from 'react';
import type { Hold } from '../../shared/model/hold.js';
import { desktopApi } from './desktop-bridge.js';

const STORAGE_KEY = 'convoscope.holdNotifications';

export type NotificationSupport = 'desktop' | 'browser' | 'none';

export interface HoldNotificationState {
  support: NotificationSupport;
  enabled: boolean;
  /** The browser refuses (the user blocked notifications for this page). */
  blocked: boolean;
}

const listeners = new Set<() => void>();
let cached: HoldNotificationState | null = null;

function support(): NotificationSupport {
  if (desktopApi()) return 'desktop';
  return typeof window !== 'undefined' && 'Notification' in window ? 'browser' : 'none';
}

function readPreference(): 'on' | 'off' | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'on' || value === 'off' ? value : null;
  } catch {
    return null;
  }
}

function writePreference(value: 'on' | 'off'): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, value);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

function compute(): HoldNotificationState {
  const kind = support();
  const preference = readPreference();
  if (kind === 'desktop') return { support: kind, enabled: preference !== 'off', blocked: false };
  if (kind === 'browser') {
    const permission = Notification.permission;
    return {
      support: kind,
      enabled: preference === 'on' && permission === 'granted',
      blocked: permission === 'denied',
    };
  }
  return { support: kind, enabled: false, blocked: false };
}

function changed(): void {
  cached = compute();
  for (const listener of listeners) listener();
}

function snapshot(): HoldNotificationState {
  cached ??= compute();
  return cached;
}

export function useHoldNotifications(): HoldNotificationState {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, snapshot);
}

/** Turns notifications on or off; in a browser, turning on asks for permission (call from a click). */
export async function setHoldNotifications(enabled: boolean): Promise<HoldNotificationState> {
  if (!enabled) {
    writePreference('off');
    changed();
    return snapshot();
  }
  if (support() === 'browser' && Notification.permission !== 'granted') {
    try {
      await Notification.requestPermission();
    } catch {
      // Older engines without the promise form: the permission stays as it was.
    }
  }
  writePreference('on');
  changed();
  return snapshot();
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * Tells the user about a new hold when they are not looking at this window. Never focuses anything:
 * clicking the notification brings the window forward, which the user asked for.
 */
export function notifyNewHold(hold: Hold): void {
  const state = snapshot();
  if (!state.enabled) return;
  if (document.visibilityState === 'visible' && document.hasFocus()) return;
  const seconds = Math.max(0, Math.round((hold.deadline - hold.now) / 1000));
  const title = `Held on ${hold.endpoint} — ${seconds} s to answer`;
  const body = shorten(hold.capture.summary, 160);
  const bridge = desktopApi();
  if (bridge) {
    void bridge.notify(title, body).catch(() => {});
    return;
  }
  try {
    const notification = new Notification(title, { body, tag: `convoscope-hold-${hold.id}` });
    notification.onclick = () => {
      window.focus();
      notification.close();
    };
  } catch {
    // Some browsers only allow notifications from a service worker; the badge and title still show it.
  }
}
