import {
  autocompletion,
  closeBrackets,
  type CompletionContext,
  type CompletionResult,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { json, jsonParseLinter } from '@codemirror/lang-json';
import {
  bracketMatching,
  foldGutter,
  indentOnInput,
  syntaxHighlighting,
  HighlightStyle,
} from '@codemirror/language';
import { forceLinting, linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, placeholder as placeholderExtension } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import {
  pathAtCursor,
  rangeOfPath,
  type CursorPath,
  type JsonPathSegments,
} from '../lib/json-syntax-path.js';

/** A problem to show inline at a JSON path (e.g. from the Kindly validator). */
export interface JsonPathDiagnostic {
  path: JsonPathSegments;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export interface JsonCompletionItem {
  label: string;
  /** Text inserted; defaults to the label (quoted for keys). */
  apply?: string;
  detail?: string;
  info?: string;
}

/** What a parent can ask of the editor (e.g. a findings list jumping to a path). */
export interface JsonEditorHandle {
  /** Selects the value (or key) at `path`, scrolls it into view and focuses the editor. */
  revealPath: (path: JsonPathSegments) => void;
}

export interface JsonEditorProps {
  ref?: Ref<JsonEditorHandle>;
  value: string;
  onChange?: (text: string) => void;
  /** Problems at JSON paths, shown inline and in the gutter; JSON syntax errors are added by the editor. */
  diagnostics?: JsonPathDiagnostic[];
  /** Path-aware completion: what may go at the cursor (keys or values). */
  complete?: (cursor: CursorPath) => JsonCompletionItem[];
  readOnly?: boolean;
  label: string;
  minHeight?: number;
  maxHeight?: number;
  placeholder?: string;
}

const highlight = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--text-2)' },
  { tag: tags.string, color: 'var(--kindly)' },
  { tag: tags.number, color: 'var(--dashly)' },
  { tag: [tags.bool, tags.null], color: 'var(--accent)' },
  { tag: tags.invalid, color: 'var(--danger)' },
]);

const theme = EditorView.theme({
  '&': {
    fontSize: '12px',
    background: 'var(--panel)',
    color: 'var(--text)',
    border: '1px solid var(--border)',
    borderRadius: '6px',
  },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '1px' },
  '.cm-content': { fontFamily: 'var(--mono)', caretColor: 'var(--text)' },
  '.cm-gutters': {
    background: 'var(--panel-2)',
    color: 'var(--muted)',
    border: 'none',
    borderRight: '1px solid var(--border)',
  },
  '.cm-activeLine': { background: 'color-mix(in srgb, var(--accent) 6%, transparent)' },
  '.cm-activeLineGutter': { background: 'transparent' },
  '.cm-selectionBackground, &.cm-focused .cm-selectionBackground': {
    background: 'var(--selection) !important',
  },
  '.cm-tooltip': {
    background: 'var(--raised)',
    border: '1px solid var(--border-strong)',
    color: 'var(--text)',
  },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': { background: 'var(--accent)', color: '#fff' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--danger)' },
  '.cm-diagnostic-warning': { borderLeftColor: 'var(--warn)' },
  '.cm-placeholder': { color: 'var(--muted)' },
});

/** JSON syntax errors first; when the text parses, the caller's path diagnostics, placed in the text. */
function lintDocument(editor: EditorView, diagnostics: JsonPathDiagnostic[] | undefined): Diagnostic[] {
  const syntax = jsonParseLinter()(editor);
  if (syntax.length > 0) return syntax;
  return (diagnostics ?? []).map((item) => {
    const range = rangeOfPath(editor.state, item.path);
    return {
      from: range.from,
      to: Math.max(range.to, range.from + 1),
      severity: item.severity,
      message: item.message,
    };
  });
}

/**
 * A CodeMirror JSON editor: syntax errors, inline diagnostics placed at JSON paths, and path-aware
 * completion supplied by the caller (e.g. from the Kindly reply schema). Controlled: `value` wins
 * whenever it differs from the document (so a visual builder and the editor stay in sync).
 */
export function JsonEditor({
  ref,
  value,
  onChange,
  diagnostics,
  complete,
  readOnly = false,
  label,
  minHeight = 160,
  maxHeight,
  placeholder,
}: JsonEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const callbacks = useRef({ onChange, diagnostics, complete });
  const readOnlyCompartment = useRef(new Compartment());

  useEffect(() => {
    callbacks.current = { onChange, diagnostics, complete };
  });

  useEffect(() => {
    if (!host.current) return;
    const completionSource = (context: CompletionContext): CompletionResult | null => {
      const provider = callbacks.current.complete;
      if (!provider) return null;
      const word = context.matchBefore(/"?[\w$.-]*/u);
      if (!word || (word.from === word.to && !context.explicit)) return null;
      const cursor = pathAtCursor(context.state, context.pos);
      const items = provider(cursor);
      if (items.length === 0) return null;
      // After an opening quote, match and insert from behind it; a closing quote closeBrackets already
      // typed is consumed on insert, so it is never doubled.
      const quoted = word.text.startsWith('"');
      const from = quoted ? word.from + 1 : word.from;
      return {
        from,
        options: items.map((item) => {
          let text = item.apply ?? (cursor.inKey ? `"${item.label}": ` : item.label);
          if (quoted && text.startsWith('"')) text = text.slice(1);
          return {
            label: item.label,
            apply: (view: EditorView, _completion: unknown, start: number, end: number) => {
              const closing = quoted && view.state.sliceDoc(end, end + 1) === '"' ? 1 : 0;
              view.dispatch({
                changes: { from: start, to: end + closing, insert: text },
                selection: { anchor: start + text.length },
                userEvent: 'input.complete',
              });
            },
            ...(item.detail ? { detail: item.detail } : {}),
            ...(item.info ? { info: item.info } : {}),
            type: cursor.inKey ? 'property' : 'constant',
          };
        }),
      };
    };
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          foldGutter(),
          history(),
          indentOnInput(),
          bracketMatching(),
          closeBrackets(),
          json(),
          syntaxHighlighting(highlight),
          lintGutter(),
          linter((editor) => lintDocument(editor, callbacks.current.diagnostics), { delay: 150 }),
          autocompletion({ override: [completionSource] }),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          readOnlyCompartment.current.of(EditorState.readOnly.of(readOnly)),
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorView.lineWrapping,
          theme,
          EditorView.theme({
            '&': { minHeight: `${minHeight}px`, ...(maxHeight ? { maxHeight: `${maxHeight}px` } : {}) },
            '.cm-scroller': { overflow: 'auto' },
          }),
          ...(placeholder ? [placeholderExtension(placeholder)] : []),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) callbacks.current.onChange?.(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is created once; later props flow in through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useImperativeHandle(
    ref,
    () => ({
      revealPath: (path) => {
        const editor = view.current;
        if (!editor) return;
        const range = rangeOfPath(editor.state, path);
        editor.dispatch({
          selection: { anchor: range.from, head: range.to },
          effects: EditorView.scrollIntoView(range.from, { y: 'center' }),
        });
        editor.focus();
      },
    }),
    [],
  );

  // Controlled value: replace the document when the caller's value moved away from it.
  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const current = editor.state.doc.toString();
    if (current !== value) editor.dispatch({ changes: { from: 0, to: current.length, insert: value } });
  }, [value]);

  // New diagnostics: re-run the linter now rather than on the next edit.
  useEffect(() => {
    if (view.current) forceLinting(view.current);
  }, [diagnostics]);

  useEffect(() => {
    view.current?.dispatch({
      effects: readOnlyCompartment.current.reconfigure(EditorState.readOnly.of(readOnly)),
    });
  }, [readOnly]);

  return <div ref={host} className="json-editor" />;
}
