import { ListenerChip } from './listener-chip.js';
import { ConnectionIndicator } from './connection-indicator.js';
import type { OverlayDefinition, SettingsSection, TopBarItem, ViewDefinition } from './registry.js';
import { Toast } from './toast.js';
import { CapturesView } from '../captures/captures-view.js';
import { ConversationsView } from '../conversations/conversations-view.js';
import { KindlySettingsSection } from '../kindly-studio/kindly-settings-section.js';
import { StudioView } from '../kindly-studio/studio-view.js';
import { ListenerSettingsSection } from '../settings/listener-settings-section.js';
import { SettingsView } from '../settings/settings-view.js';

/** The app's views, in tab order. */
export const views: ViewDefinition[] = [
  { id: 'captures', label: 'Captures', component: CapturesView },
  { id: 'conversations', label: 'Conversations', component: ConversationsView },
  { id: 'kindly-studio', label: 'Studio', component: StudioView },
  { id: 'settings', label: 'Settings', component: SettingsView },
];

/** Right-hand side of the top bar, left to right. */
export const topBarItems: TopBarItem[] = [
  { id: 'listener', component: ListenerChip },
  { id: 'connection', component: ConnectionIndicator },
];

/** Layers over every view. */
export const overlays: OverlayDefinition[] = [{ id: 'toast', component: Toast }];

/** Sections of the Settings view, in order. */
export const settingsSections: SettingsSection[] = [
  { id: 'listener', title: 'Listener & data', component: ListenerSettingsSection },
  { id: 'kindly', title: 'Kindly', component: KindlySettingsSection },
];
