import type { KindlyTranscript } from '../../shared/model/kindly-transcript.js';
import type { ReplyTemplate } from '../../shared/model/reply-template.js';
import { EMPTY_DRAFT, type ReplyDraft } from '../features/kindly-studio/model/reply-draft.js';
import type { SliceCreator } from './store.js';

export interface TranscriptEntry {
  data: KindlyTranscript | null;
  loading: boolean;
  error: string | null;
}

export interface KindlySlice {
  /**
   * Remote images in Kindly replies load only after the user asks (they reveal the user's IP to
   * whoever sent the URL). The choice lasts for this session only.
   */
  kindlyImagesAllowed: boolean;
  /** The Studio view's reply, kept while the user visits other views. */
  studioDraft: ReplyDraft;
  /** What the studio held before "Open in studio" replaced it, so it can be restored. */
  studioReplacedDraft: ReplyDraft | null;
  /** The capture whose payload fills the studio's placeholders; null for none. */
  studioPayloadCaptureId: number | null;
  /** Kindly reply templates by name; null until loaded. */
  kindlyTemplates: ReplyTemplate[] | null;
  kindlyTemplatesError: string | null;
  /** Fetched transcripts by chat id. */
  kindlyTranscripts: Record<string, TranscriptEntry>;
  /** How held Kindly webhooks are answered: the reply studio, or raw status/headers/body. */
  kindlyHoldMode: 'studio' | 'raw';
}

export const createKindlySlice: SliceCreator<KindlySlice> = () => ({
  kindlyImagesAllowed: false,
  studioDraft: EMPTY_DRAFT,
  studioReplacedDraft: null,
  studioPayloadCaptureId: null,
  kindlyTemplates: null,
  kindlyTemplatesError: null,
  kindlyTranscripts: {},
  kindlyHoldMode: 'studio',
});
