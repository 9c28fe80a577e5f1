import type { KindlyTranscript } from '../../shared/model/kindly-transcript.js';
import type { ReplyTemplate } from '../../shared/model/reply-template.js';
import { draftFromText, EMPTY_DRAFT, type ReplyDraft } from '../features/kindly-studio/model/reply-draft.js';
import type { SliceCreator } from './store.js';

export interface TranscriptEntry {
  data: KindlyTranscript | null;
  loading: boolean;
  error: string | null;
}

export interface KindlySlice {
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

/** Where the Studio's reply waits while the window reloads (e.g. to apply the image setting). */
export const STUDIO_STASH_KEY = 'convoscope.studioDraft';

function takeStashedStudioDraft(): ReplyDraft | null {
  try {
    const text = window.sessionStorage.getItem(STUDIO_STASH_KEY);
    window.sessionStorage.removeItem(STUDIO_STASH_KEY);
    return text === null ? null : draftFromText(text, null);
  } catch {
    return null;
  }
}

export const createKindlySlice: SliceCreator<KindlySlice> = () => ({
  studioDraft: takeStashedStudioDraft() ?? EMPTY_DRAFT,
  studioReplacedDraft: null,
  studioPayloadCaptureId: null,
  kindlyTemplates: null,
  kindlyTemplatesError: null,
  kindlyTranscripts: {},
  kindlyHoldMode: 'studio',
});
