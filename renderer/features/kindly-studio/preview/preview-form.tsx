import { ChevronDown, Paperclip } from 'lucide-react';
import type {
  PreviewField,
  PreviewForm as PreviewFormModel,
} from '../../../../shared/kindly/preview-model.js';
import { usePreviewMarks } from './preview-marks.js';

function shown(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** How the input itself looks; drawn, not real controls, so nothing in the preview takes input. */
function FieldInput({ field }: { field: PreviewField }) {
  const initial = shown(field.defaultValue);
  const text = initial || field.placeholder || '';
  const muted = initial === '';
  switch (field.inputType) {
    case 'select':
      return (
        <div className="kp-input kp-select">
          <span className={muted ? 'muted' : ''}>
            {initial
              ? (field.options.find((option) => shown(option.value) === initial)?.label ?? initial)
              : field.placeholder || field.options[0]?.label || 'Choose…'}
          </span>
          <ChevronDown size={13} aria-hidden="true" />
        </div>
      );
    case 'checkbox':
    case 'radio': {
      const choices = field.options.length > 0 ? field.options : [{ value: true, label: field.label }];
      return (
        <ul className="kp-choices">
          {choices.map((option, index) => (
            <li key={index}>
              <span
                className={`kp-${field.inputType === 'radio' ? 'radio' : 'checkbox'} ${shown(option.value) === initial ? 'kp-checked' : ''}`}
              />
              {option.label || shown(option.value)}
            </li>
          ))}
        </ul>
      );
    }
    case 'range':
      return (
        <div className="kp-range" aria-hidden="true">
          <span className="kp-range-track" />
          <span className="kp-range-thumb" />
        </div>
      );
    case 'file':
      return (
        <div className="kp-input kp-file">
          <Paperclip size={13} aria-hidden="true" /> Choose a file
        </div>
      );
    default:
      return (
        <div className="kp-input-line">
          <div className={`kp-input ${muted ? 'muted' : ''}`}>{text || '\u00a0'}</div>
          {field.affix && <span className="kp-affix">{field.affix}</span>}
        </div>
      );
  }
}

/** Facts a developer needs that the widget itself would not show. */
function fieldFacts(field: PreviewField): string[] {
  const facts = [field.inputType ?? 'no input_type'];
  if (field.slug) facts.push(`slug ${field.slug}`);
  if (field.order !== null) facts.push(`order ${field.order}`);
  if (field.step !== null) facts.push(`step ${field.step}`);
  if (field.inputType === 'range' && field.defaultValue !== undefined)
    facts.push(`default ${shown(field.defaultValue)}`);
  if (
    (field.inputType === 'select' || field.inputType === 'radio' || field.inputType === 'checkbox') &&
    field.options.length > 0
  )
    facts.push(`${field.options.length} option${field.options.length === 1 ? '' : 's'}`);
  return [...facts, ...field.rules];
}

/** The inline form, fields in `order`. */
export function PreviewForm({ form, compact }: { form: PreviewFormModel; compact?: boolean }) {
  const mark = usePreviewMarks();
  return (
    <div
      className={`kp-form ${mark(form.path, ['fields'])} ${compact ? 'kp-form-compact' : ''}`}
      role="group"
      aria-label={`Form${form.title ? `: ${form.title}` : ''}`}
      data-path={form.path}
    >
      {form.title && <div className="kp-form-title">{form.title}</div>}
      {form.fields.length === 0 && <div className="muted">No fields.</div>}
      {form.fields.map((field) => (
        <div key={field.path} className={`kp-field ${mark(field.path)}`} data-path={field.path}>
          <div className="kp-field-label">
            {field.label || <em className="muted">(no label)</em>}
            {field.required && (
              <span className="kp-required" title={field.requiredText ?? 'Required'}>
                *
              </span>
            )}
          </div>
          <FieldInput field={field} />
          {field.helpText && <div className="kp-field-help">{field.helpText}</div>}
          {!compact && <div className="kp-field-facts">{fieldFacts(field).join(' · ')}</div>}
        </div>
      ))}
      {form.overLimit && (
        <div className="kp-form-over">More than five fields: Kindly will not accept this form.</div>
      )}
      <div className="kp-form-actions">
        <span className="kp-form-submit">{form.submitText || 'Submit'}</span>
        <span className="kp-form-cancel">{form.cancelText || 'Cancel'}</span>
      </div>
      {!compact && (form.cancelledText || form.errorText || form.unansweredText || form.languageCode) && (
        <dl className="kp-form-texts">
          {form.languageCode && (
            <>
              <dt>Language</dt>
              <dd className="mono">{form.languageCode}</dd>
            </>
          )}
          {form.cancelledText && (
            <>
              <dt>When cancelled</dt>
              <dd>{form.cancelledText}</dd>
            </>
          )}
          {form.errorText && (
            <>
              <dt>On error</dt>
              <dd>{form.errorText}</dd>
            </>
          )}
          {form.unansweredText && (
            <>
              <dt>When unanswered</dt>
              <dd>{form.unansweredText}</dd>
            </>
          )}
        </dl>
      )}
    </div>
  );
}
