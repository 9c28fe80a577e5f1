import { formatJsonPath, type JsonPathSegment } from './json-path.js';
import type { KindlyIssue, KindlyValidation } from './validation-result.js';

/** Gathers findings while the validator walks a reply. */
export class IssueCollector {
  private readonly errors: KindlyIssue[] = [];
  private readonly warnings: KindlyIssue[] = [];
  private readonly notes: KindlyIssue[] = [];

  error(segments: readonly JsonPathSegment[], code: string, message: string): void {
    this.errors.push(issue(segments, code, message));
  }

  warning(segments: readonly JsonPathSegment[], code: string, message: string): void {
    this.warnings.push(issue(segments, code, message));
  }

  note(segments: readonly JsonPathSegment[], code: string, message: string): void {
    this.notes.push(issue(segments, code, message));
  }

  result(): KindlyValidation {
    return {
      valid: this.errors.length === 0,
      errors: this.errors,
      warnings: this.warnings,
      notes: this.notes,
    };
  }
}

function issue(segments: readonly JsonPathSegment[], code: string, message: string): KindlyIssue {
  return { path: formatJsonPath(segments), segments: [...segments], code, message };
}
