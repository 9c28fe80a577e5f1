/**
 * Desktop notifications (new holds, Dashly replies that failed): through the desktop bridge in the
 * app, through the browser's Notification API in serve mode. One "Notify me" choice covers them all.
 * The browser is asked for permission only when the user turns notifications on (a click), never on
 * page load. Notifications never take focus; they are only shown while the user is not looking at
 * this window. Payload text is untrusted: shown as plain text, shortened.
 */
import { useSyncExternalStore } from 'react';
import { desktopApi } from './desktop-bridge.js';

// The key predates the failed-reply notifications: kept so the choice users made still holds.
const STORAGE_KEY = 'convoscope.holdNotifications';

export type NotificationSupport = 'desktop' | 'browser' | 'none';

export interface NotificationState {
  support: NotificationSupport;
  enabled: boolean;
  /** The browser refuses (the user blocked notifications for this page). */
  blocked: boolean;
}

const listeners = new Set<() => void>();
let cached: NotificationState | null = null;

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

function compute(): NotificationState {
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

function snapshot(): NotificationState {
  cached ??= compute();
  return cached;
}

export function useNotifications(): NotificationState {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, snapshot);
}

/** Turns notifications on or off; in a browser, turning on asks for permission (call from a click). */
export async function setNotifications(enabled: boolean): Promise<NotificationState> {
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

/** Plain one-line text of at most `max` characters. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * Shows a notification when the user has them on and is not looking at this window. Never focuses
 * anything: clicking the notification brings the window forward, which the user asked for. `tag`
 * replaces an earlier notification about the same thing.
 */
export function notify(title: string, body: string, tag: string): void {
  if (!snapshot().enabled) return;
  if (document.visibilityState === 'visible' && document.hasFocus()) return;
  const bridge = desktopApi();
  if (bridge) {
    void bridge.notify(title, body).catch(() => {});
    return;
  }
  try {
    const notification = new Notification(title, { body, tag });
    notification.onclick = () => {
      window.focus();
      notification.close();
    };
  } catch {
    // Some browsers only allow notifications from a service worker; the badge and title still show it.
  }
}
