import { IssueCollector } from './issue-collector.js';
import { validateKindlyReply } from './validate-reply.js';
import type { KindlyValidation } from './validation-result.js';

/**
 * Validates a reply given as JSON text (an editor's buffer, a recorded response body). Text that is
 * not JSON is one root error; otherwise the parsed value is validated.
 */
export function validateKindlyReplyText(text: string): { value: unknown; validation: KindlyValidation } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const issues = new IssueCollector();
    issues.error(
      [],
      'json.syntax',
      text.trim() === ''
        ? 'The body is empty; Kindly expects a JSON object (at least {}).'
        : `The body is not valid JSON, so Kindly cannot read it: ${(error as Error).message}`,
    );
    return { value: undefined, validation: issues.result() };
  }
  return { value, validation: validateKindlyReply(value) };
}
