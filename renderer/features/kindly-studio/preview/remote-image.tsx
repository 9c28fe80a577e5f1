import { ImageOff } from 'lucide-react';
import { useState } from 'react';
import { useLoadRemoteImages } from '../../privacy/use-load-remote-images.js';
import { CopyButton } from '../../../components/copy-button.js';

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * An image from a reply. Remote images are not loaded until the user allows it ("Load images", the
 * `privacy.loadRemoteImages` setting): fetching one tells whoever chose the URL the user's IP
 * address and when they looked. Only https images are loaded (the page's Content-Security-Policy
 * allows no other remote source), and never with a referrer.
 */
export function RemoteImage({
  url,
  alt,
  className = '',
}: {
  url: string | null;
  alt: string;
  className?: string;
}) {
  const allowed = useLoadRemoteImages().allowed;
  const [failed, setFailed] = useState(false);
  if (url === null) {
    return (
      <div className={`kp-image kp-image-placeholder ${className}`}>
        <ImageOff size={18} aria-hidden="true" />
        <span>No usable image URL</span>
      </div>
    );
  }
  const secure = url.startsWith('https://');
  if (allowed && secure && !failed) {
    return (
      <img
        className={`kp-image ${className}`}
        src={url}
        alt={alt}
        referrerPolicy="no-referrer"
        loading="lazy"
        onError={() => setFailed(true)}
      />
    );
  }
  return (
    <div className={`kp-image kp-image-placeholder ${className}`} title={url}>
      <ImageOff size={18} aria-hidden="true" />
      <span className="kp-image-host">{hostOf(url)}</span>
      <span className="kp-image-note">
        {failed ? 'Could not load' : !secure ? 'Not loaded (not https)' : 'Image not loaded'}
      </span>
      <span className="kp-image-actions">
        <CopyButton text={url} label="Copy image URL" compact />
      </span>
    </div>
  );
}
