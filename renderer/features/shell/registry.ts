import type { ComponentType } from 'react';

/**
 * Extension points of the shell. A feature adds itself with one line in ./features.tsx; the shell
 * never imports features directly, so features can be added without touching each other.
 */
export interface ViewDefinition {
  id: string;
  label: string;
  component: ComponentType;
  /** Optional count shown beside the label (e.g. open holds). */
  useBadge?: () => number | null;
}

/** Something shown in the top bar's right-hand area (tunnel control, listener URL, …). */
export interface TopBarItem {
  id: string;
  component: ComponentType;
}

/** Something layered over every view (holds panel, dialogs, toasts). */
export interface OverlayDefinition {
  id: string;
  component: ComponentType;
}

/** A section of the Settings view. */
export interface SettingsSection {
  id: string;
  title: string;
  component: ComponentType;
}
