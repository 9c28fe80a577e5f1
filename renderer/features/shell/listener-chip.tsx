import { Radio } from 'lucide-react';
import { CopyButton } from '../../components/copy-button.js';
import { useAppStore } from '../../state/store.js';

export function ListenerChip() {
  const info = useAppStore((state) => state.appInfo);
  if (!info) return null;
  return (
    <div className="listener-chip" title="The webhook listener on this machine">
      <Radio size={14} aria-hidden="true" />
      <span className="mono">{info.listenerUrl}</span>
      <CopyButton text={info.listenerUrl} label="Copy listener URL" compact />
    </div>
  );
}
