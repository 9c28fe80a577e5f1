import { Image as ImageIcon } from 'lucide-react';
import { stashStudioDraftForReload } from '../../../state/kindly-actions.js';
import { useLoadRemoteImages } from '../../privacy/use-load-remote-images.js';

/**
 * "Load images": turns on `privacy.loadRemoteImages` (Settings › Privacy) and reloads the window,
 * since the page's Content-Security-Policy only lets https images in once that is on. The Studio's
 * reply survives the reload.
 */
export function LoadImagesButton({ variant = 'button' }: { variant?: 'button' | 'link' }) {
  const images = useLoadRemoteImages();
  if (images.allowed) return null;
  const load = () => {
    stashStudioDraftForReload();
    if (images.needsReload) images.reload();
    else void images.enable().then((saved) => saved && images.reload());
  };
  const label = images.needsReload ? 'Reload to show images' : 'Load images';
  return (
    <button
      type="button"
      className={variant === 'link' ? 'link-button kp-load-images' : 'button button-small'}
      onClick={load}
      title="Loading a remote image tells its host your IP address. This turns on “Load images from payloads” (Settings › Privacy) and reloads the window."
    >
      <ImageIcon size={variant === 'link' ? 12 : 13} aria-hidden="true" /> {label}
    </button>
  );
}
