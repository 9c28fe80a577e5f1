import type { MethodInput, MethodOutput } from '../../shared/contract/index.js';
import type { ReplyTemplate } from '../../shared/model/reply-template.js';
import { ApiCallError, call } from '../api/client.js';
import { draftFromText, draftFromValue } from '../features/kindly-studio/model/reply-draft.js';
import { STUDIO_STASH_KEY } from './kindly-slice.js';
import { useAppStore } from './store.js';

function message(error: unknown): string {
  return error instanceof ApiCallError || error instanceof Error ? error.message : String(error);
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string; code: string | null };

function failure(error: unknown): { ok: false; error: string; code: string | null } {
  return { ok: false, error: message(error), code: error instanceof ApiCallError ? error.code : null };
}

/** Keeps the Studio's reply in this tab's session storage across a reload. */
export function stashStudioDraftForReload(): void {
  try {
    window.sessionStorage.setItem(STUDIO_STASH_KEY, useAppStore.getState().studioDraft.text);
  } catch {
    // Storage unavailable: the reply is lost on reload, as before.
  }
}

let templatesRequest = 0;

export async function loadKindlyTemplates(): Promise<void> {
  const request = ++templatesRequest;
  try {
    const templates = await call('templates.list', { provider: 'kindly' });
    if (request !== templatesRequest) return;
    useAppStore.setState({ kindlyTemplates: templates, kindlyTemplatesError: null });
  } catch (error) {
    if (request !== templatesRequest) return;
    useAppStore.setState({ kindlyTemplatesError: message(error) });
  }
}

/**
 * Saves a template. A name already taken answers `conflict` with the other template's id, so the
 * caller can offer to replace it.
 */
export async function saveKindlyTemplate(input: {
  name: string;
  body: string;
  id?: number;
}): Promise<Outcome<ReplyTemplate> & { existingId?: number }> {
  try {
    const saved = await call('templates.save', { ...input, provider: 'kindly' });
    await loadKindlyTemplates();
    return { ok: true, value: saved };
  } catch (error) {
    const existing = useAppStore
      .getState()
      .kindlyTemplates?.find((template) => template.name.trim() === input.name.trim());
    return {
      ...failure(error),
      ...(error instanceof ApiCallError && error.code === 'conflict' && existing
        ? { existingId: existing.id }
        : {}),
    };
  }
}

export async function deleteKindlyTemplate(id: number): Promise<Outcome<true>> {
  try {
    await call('templates.delete', { id });
    await loadKindlyTemplates();
    return { ok: true, value: true };
  } catch (error) {
    return failure(error);
  }
}

/** Fetches (or, with `refresh`, re-fetches) a chat's transcript; the core caches it. */
export async function fetchKindlyTranscript(chatId: string, refresh = false): Promise<void> {
  const entry = useAppStore.getState().kindlyTranscripts[chatId];
  const update = (next: Partial<NonNullable<typeof entry>>) =>
    useAppStore.setState((state) => {
      const current = state.kindlyTranscripts[chatId] ?? { data: null, loading: false, error: null };
      return { kindlyTranscripts: { ...state.kindlyTranscripts, [chatId]: { ...current, ...next } } };
    });
  update({ loading: true, error: null, data: entry?.data ?? null });
  try {
    const data = await call('kindly.transcript', { chatId, refresh });
    update({ loading: false, data });
  } catch (error) {
    update({ loading: false, error: message(error) });
  }
}

/** Sends a message into the bot as an end user (Application API). */
export async function sendAsKindlyUser(
  input: MethodInput<'kindly.send'>,
): Promise<Outcome<MethodOutput<'kindly.send'>>> {
  try {
    return { ok: true, value: await call('kindly.send', input) };
  } catch (error) {
    return failure(error);
  }
}

/** Opens a reply in the Studio view (e.g. a captured response, to fix and reuse it). */
export function openInStudio(text: string, payloadCaptureId: number | null): void {
  const draft = draftFromText(text, null);
  const current = useAppStore.getState().studioDraft;
  const next = draft.problem ? draft : draftFromValue(draft.value);
  const worthKeeping =
    current.text.trim() !== '{}' && current.text.trim() !== '' && current.text !== next.text;
  useAppStore.setState({
    studioDraft: next,
    studioReplacedDraft: worthKeeping ? current : null,
    studioPayloadCaptureId: payloadCaptureId,
  });
  useAppStore.getState().setView('kindly-studio');
}
