/** Kindly's dialogue-webhook response: schema, validator and preview model, shared by core and UI. */
export * from './vocabulary.js';
export * from './reply-schema.js';
export * from './validation-result.js';
export { validateKindlyReply } from './validate-reply.js';
export { validateKindlyReplyText } from './validate-reply-text.js';
export * from './preview-model.js';
export { buildKindlyPreview } from './reply-preview.js';
export { describeKindlyReply } from './reply-summary.js';
export { formatJsonPath, type JsonPathSegment } from './json-path.js';
export { closestKey, editDistance } from './edit-distance.js';
export { readUrl, safeHref, splitParagraphs, type UrlReading } from './reply-readers.js';
