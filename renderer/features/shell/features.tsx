import { ListenerChip } from './listener-chip.js';
import { ConnectionIndicator } from './connection-indicator.js';
import type { ComponentType } from 'react';
import type { ProviderId } from '../../../shared/model/provider.js';
import type {
  HoldComposerProps,
  OverlayDefinition,
  SettingsSection,
  TopBarItem,
  ViewDefinition,
} from './registry.js';
import { Toast } from './toast.js';
import { captureShortcuts } from '../captures/capture-shortcuts.js';
import { CapturesView } from '../captures/captures-view.js';
import { ClearCapturesOverlay } from '../captures/clear-captures-dialog.js';
import { ConversationsView } from '../conversations/conversations-view.js';
import { StoreHealthBanner } from '../health/store-health-banner.js';
import { StoreHealthChip } from '../health/store-health-chip.js';
import { KindlyHoldComposer } from '../kindly-studio/kindly-hold-composer.js';
import { KindlySettingsSection } from '../kindly-studio/kindly-settings-section.js';
import { StudioView } from '../kindly-studio/studio-view.js';
import { AutoReplyEditor } from '../dashly-console/autoreply-editor.js';
import { composerShortcuts } from '../dashly-console/composer-shortcuts.js';
import { DashlySettingsSection } from '../dashly-console/dashly-settings-section.js';
import { EndpointsView } from '../endpoints/endpoints-view.js';
import { GuideOverlay } from '../guide/guide-overlay.js';
import { HelpMenu } from '../help/help-menu.js';
import { holdShortcuts } from '../holds/hold-shortcuts.js';
import { HoldsIndicator } from '../holds/holds-indicator.js';
import { HoldsPanel, useOpenHoldCount } from '../holds/holds-panel.js';
import { ListenerSettingsSection } from '../settings/listener-settings-section.js';
import { ComposeView } from '../replay/compose-view.js';
import { DiffView } from '../replay/diff-view.js';
import { ReplayOverlays } from '../replay/replay-overlays.js';
import { replayShortcuts } from '../replay/replay-shortcuts.js';
import { ReplaySettingsSection } from '../replay/replay-settings-section.js';
import { NotificationsSettingsSection } from '../settings/notifications-settings-section.js';
import { PrivacySettingsSection } from '../settings/privacy-settings-section.js';
import { StorageSettingsSection } from '../settings/storage-settings-section.js';
import { SettingsView } from '../settings/settings-view.js';
import { AppearanceSettingsSection, ThemeToggle } from '../settings/theme.js';
import { appShortcuts } from '../shortcuts/app-shortcuts.js';
import type { ShortcutDefinition } from '../shortcuts/shortcut-registry.js';
import { ShortcutsOverlay } from '../shortcuts/shortcuts-overlay.js';
import { TunnelControl } from '../tunnel/tunnel-control.js';
import { TunnelSettingsSection } from '../tunnel/tunnel-settings-section.js';

/** The app's views, in tab order. */
export const views: ViewDefinition[] = [
  { id: 'captures', label: 'Captures', component: CapturesView },
  { id: 'conversations', label: 'Conversations', component: ConversationsView },
  { id: 'compose', label: 'Compose', component: ComposeView },
  { id: 'diff', label: 'Diff', component: DiffView },
  {
    id: 'endpoints',
    label: 'Endpoints',
    component: EndpointsView,
    useBadge: useOpenHoldCount,
  },
  { id: 'kindly-studio', label: 'Studio', component: StudioView },
  { id: 'settings', label: 'Settings', component: SettingsView },
];

/** Right-hand side of the top bar, left to right. */
export const topBarItems: TopBarItem[] = [
  { id: 'store-health', component: StoreHealthChip },
  { id: 'tunnel', component: TunnelControl },
  { id: 'holds', component: HoldsIndicator },
  { id: 'listener', component: ListenerChip },
  { id: 'connection', component: ConnectionIndicator },
  { id: 'theme', component: ThemeToggle },
  { id: 'help', component: HelpMenu },
];

/** Layers over every view. */
export const overlays: OverlayDefinition[] = [
  { id: 'holds', component: HoldsPanel },
  { id: 'toast', component: Toast },
  { id: 'store-health', component: StoreHealthBanner },
  { id: 'shortcuts', component: ShortcutsOverlay },
  { id: 'clear-captures', component: ClearCapturesOverlay },
  { id: 'replay', component: ReplayOverlays },
  { id: 'guide', component: GuideOverlay },
];

/**
 * Every keyboard shortcut: run by one listener (shortcuts/shortcut-registry.ts) and listed by `?`.
 * Earlier entries win when two apply to the same key.
 */
export const shortcuts: ShortcutDefinition[] = [
  ...appShortcuts,
  ...captureShortcuts,
  ...replayShortcuts,
  ...holdShortcuts,
  ...composerShortcuts,
];

/**
 * The composer a held request of each provider gets in the holds panel (see HoldComposerProps);
 * providers without one get the raw status/headers/body editor.
 */
export const holdComposers: Partial<Record<ProviderId, ComponentType<HoldComposerProps>>> = {
  kindly: KindlyHoldComposer,
};

/** Sections of the Settings view, in order. */
export const settingsSections: SettingsSection[] = [
  { id: 'listener', title: 'Listener & data', component: ListenerSettingsSection },
  { id: 'appearance', title: 'Appearance', component: AppearanceSettingsSection },
  { id: 'notifications', title: 'Notifications', component: NotificationsSettingsSection },
  { id: 'tunnel', title: 'Public tunnel', component: TunnelSettingsSection },
  { id: 'dashly', title: 'Dashly', component: DashlySettingsSection },
  { id: 'autoreplies', title: 'Dashly auto-responder', component: AutoReplyEditor },
  { id: 'replay', title: 'Replay & export', component: ReplaySettingsSection },
  { id: 'storage', title: 'Storage & retention', component: StorageSettingsSection },
  { id: 'privacy', title: 'Privacy & limits', component: PrivacySettingsSection },
  { id: 'kindly', title: 'Kindly', component: KindlySettingsSection },
];
