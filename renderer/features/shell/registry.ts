import type { ComponentType } from 'react';
import type { ResponseSpecInput } from '../../../shared/model/endpoint.js';
import type { Hold } from '../../../shared/model/hold.js';

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

/**
 * What a provider's hold composer gets (registered in `holdComposers`). The holds panel draws the
 * countdown, the held payload and the fallback/abort actions around it, and handles Esc (send the
 * fallback) for the whole card unless the composer handled the key itself (`preventDefault`). The
 * composer owns its draft and its own "send" keys: Enter in single-line fields, Ctrl/Cmd+Enter in
 * multi-line ones.
 */
export interface HoldComposerProps {
  hold: Hold;
  /** Sends this response to the held request (`holds.respond`); resolves false if it was refused (already shown to the user). */
  onSend: (response: ResponseSpecInput) => Promise<boolean>;
  /** Sends the same response to every open hold (`holds.resolveAll`); present when more than one is open. */
  onSendToAll?: (response: ResponseSpecInput) => Promise<boolean>;
  /** Sends the endpoint's fallback now (what the deadline would send). */
  onFallback: () => Promise<boolean>;
  /** An action on this hold is in flight: disable sending. */
  busy: boolean;
}
