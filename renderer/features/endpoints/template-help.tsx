import type { JsonCompletionItem } from '../../components/json-editor.js';

/** The placeholders the core fills in (see electron/core/responders/README.md, "Templates"). */
export const PLACEHOLDERS: { text: string; meaning: string }[] = [
  { text: '{{message}}', meaning: 'the message text (Kindly message, Dashly conversation.body)' },
  { text: '{{chat_id}}', meaning: 'Kindly chat_id, Dashly conversation id (also {{conversation_id}})' },
  { text: '{{user_id}}', meaning: 'the user' },
  { text: '{{context.store}}', meaning: 'any dotted path into the payload; {{items[0].name}}' },
  { text: '{{conversation.body}}', meaning: 'Dashly: fields of the decoded conversation' },
  { text: '{{$headers.user-agent}}', meaning: 'a request header (lower case)' },
  { text: '{{$query.name}}', meaning: 'a query parameter' },
  { text: '{{$method}} {{$path}} {{$url}}', meaning: 'about the request' },
  { text: '{{$now}} {{$nowMs}}', meaning: 'the time (ISO, epoch ms)' },
  { text: '{{path | text}}', meaning: 'text used when the value is missing or null' },
  { text: '\\{{', meaning: 'a literal {{' },
  { text: '"{{context}}"', meaning: 'alone in a JSON string: inserts the value with its type' },
];

/** Offered in value positions of a template body. */
export function placeholderCompletions(): JsonCompletionItem[] {
  return [
    '{{message}}',
    '{{chat_id}}',
    '{{user_id}}',
    '{{conversation_id}}',
    '{{context}}',
    '{{$method}}',
    '{{$path}}',
    '{{$now}}',
  ].map((text) => ({ label: `"${text}"`, detail: 'placeholder' }));
}

export function TemplateHelp() {
  return (
    <details className="template-help">
      <summary>Placeholders you can use in the body and header values</summary>
      <table className="kv-table">
        <tbody>
          {PLACEHOLDERS.map((item) => (
            <tr key={item.text}>
              <th scope="row">{item.text}</th>
              <td>{item.meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="form-help">
        Values come from the request’s own payload; nothing is evaluated. A missing value becomes empty text.
        The operator’s answer to a held request is sent as typed, without placeholders.
      </p>
    </details>
  );
}
