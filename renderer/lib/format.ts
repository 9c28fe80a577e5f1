import { RENDERER_PERF_SWITCHES, rendererPerfEnabled } from './perf-switches.js';

const timeOptions: Intl.DateTimeFormatOptions = {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
};
// One formatter for every row: toLocaleTimeString builds a new one on each call, which showed up as
// the costliest part of rendering rows while scrolling and streaming.
const timeFormatter = rendererPerfEnabled(RENDERER_PERF_SWITCHES.timeFormatter)
  ? new Intl.DateTimeFormat(undefined, timeOptions)
  : null;

export function formatTime(epochMs: number): string {
  const date = new Date(epochMs);
  const time = timeFormatter ? timeFormatter.format(date) : date.toLocaleTimeString(undefined, timeOptions);
  return `${time}.${String(date.getMilliseconds()).padStart(3, '0')}`;
}

export function formatDateTime(epochMs: number): string {
  const date = new Date(epochMs);
  const today = new Date();
  const sameDay = date.toDateString() === today.toDateString();
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', hour12: false });
  return sameDay ? time : `${date.toLocaleDateString(undefined, { month: 'short', day: 'numeric' })} ${time}`;
}

export function formatRelative(epochMs: number, now = Date.now()): string {
  const seconds = Math.round((now - epochMs) / 1000);
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${seconds}s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)}h ago`;
  return formatDateTime(epochMs);
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}

export function statusTone(status: number | null): 'pending' | 'ok' | 'redirect' | 'client' | 'server' {
  if (status === null) return 'pending';
  if (status < 300) return 'ok';
  if (status < 400) return 'redirect';
  if (status < 500) return 'client';
  return 'server';
}
