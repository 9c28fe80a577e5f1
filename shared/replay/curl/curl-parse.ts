import type { HeaderList } from '../../model/http.js';
import { bytesToBase64, concatBytes, utf8Bytes, utf8Lossy } from '../bytes.js';
import { shellWords } from './shell-words.js';

/** A request read from a cURL command: what would be sent, never sent by the parser itself. */
export interface ParsedCurl {
  method: string;
  url: string;
  headers: HeaderList;
  body: Uint8Array;
  /** Things the command asked for that were not (or could not be) taken over. */
  warnings: string[];
}

export type CurlParseResult = { ok: true; request: ParsedCurl } | { ok: false; error: string };

/** Options that take a value and only matter to curl itself (output, TLS, proxies…): skipped. */
const IGNORED_WITH_VALUE = new Set([
  '-o',
  '--output',
  '-m',
  '--max-time',
  '--connect-timeout',
  '--retry',
  '--retry-delay',
  '--retry-max-time',
  '-w',
  '--write-out',
  '-x',
  '--proxy',
  '-U',
  '--proxy-user',
  '--cacert',
  '--capath',
  '--cert',
  '-E',
  '--key',
  '--cert-type',
  '--key-type',
  '--pass',
  '--resolve',
  '--connect-to',
  '--interface',
  '-c',
  '--cookie-jar',
  '-r',
  '--range',
  '--max-redirs',
  '-D',
  '--dump-header',
  '--limit-rate',
  '-y',
  '--speed-time',
  '-Y',
  '--speed-limit',
  '--trace',
  '--trace-ascii',
  '--stderr',
  '--keepalive-time',
  '--dns-servers',
  '--local-port',
  '-z',
  '--time-cond',
  '--ciphers',
  '--tls-max',
  '--expect100-timeout',
  '--happy-eyeballs-timeout-ms',
  '--unix-socket',
  '--abstract-unix-socket',
  '--max-filesize',
  '--proto',
  '--proto-redir',
  '--noproxy',
  '--preproxy',
  '--aws-sigv4',
  '--service-name',
  '--netrc-file',
  '--output-dir',
  '--create-file-mode',
]);

/** Options without a value that do not change the request: skipped silently. */
const IGNORED_FLAGS = new Set([
  '-s',
  '--silent',
  '-S',
  '--show-error',
  '-v',
  '--verbose',
  '-i',
  '--include',
  '-L',
  '--location',
  '-k',
  '--insecure',
  '-f',
  '--fail',
  '--fail-with-body',
  '-g',
  '--globoff',
  '-N',
  '--no-buffer',
  '--compressed',
  '-#',
  '--progress-bar',
  '--raw',
  '--tr-encoding',
  '-O',
  '--remote-name',
  '-J',
  '--remote-header-name',
  '-j',
  '--junk-session-cookies',
  '--http1.0',
  '--http1.1',
  '--http2',
  '--http2-prior-knowledge',
  '--http3',
  '-0',
  '-1',
  '-2',
  '-3',
  '-4',
  '-6',
  '--ipv4',
  '--ipv6',
  '-q',
  '--disable',
  '--location-trusted',
  '--no-keepalive',
  '--no-sessionid',
  '--path-as-is',
  '--ssl',
  '--ssl-reqd',
  '--tlsv1.2',
  '--tlsv1.3',
  '--no-progress-meter',
  '--styled-output',
  '--no-styled-output',
  '-n',
  '--netrc',
  '--netrc-optional',
  '--basic',
  '--digest',
  '--ntlm',
  '--negotiate',
  '--anyauth',
  '-Z',
  '--parallel',
  '--fail-early',
  '--suppress-connect-headers',
  '--tcp-nodelay',
  '--tcp-fastopen',
  '-l',
  '--list-only',
  '-B',
  '--use-ascii',
  '-p',
  '--proxytunnel',
  '--post301',
  '--post302',
  '--post303',
]);

/** Short options that take a value (so `-XPOST` and `-H'x: y'` work). */
const SHORT_WITH_VALUE = new Set('XHdAeubFTouwmxrDcEKyYzUQ'.split(''));

const LONG_ALIASES: Record<string, string> = {
  '-X': '--request',
  '-H': '--header',
  '-d': '--data',
  '-A': '--user-agent',
  '-e': '--referer',
  '-u': '--user',
  '-b': '--cookie',
  '-F': '--form',
  '-G': '--get',
  '-I': '--head',
  '-T': '--upload-file',
  '-K': '--config',
};

/** curl's --data-urlencode escaping: unreserved characters stay, everything else is %XX. */
function curlEscape(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/u.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

interface State {
  method: string | null;
  urls: string[];
  headers: HeaderList;
  removed: Set<string>;
  data: Uint8Array[];
  form: { name: string; value: Uint8Array; filename?: string; type?: string }[];
  get: boolean;
  head: boolean;
  json: boolean;
  warnings: string[];
}

function addHeader(state: State, raw: string): void {
  if (raw.startsWith('@')) {
    state.warnings.push(`Headers from the file ${raw.slice(1)} were not read (paste them as -H options).`);
    return;
  }
  const semicolon = /^([^:;\s]+);\s*$/u.exec(raw);
  if (semicolon?.[1]) {
    state.headers.push([semicolon[1], '']);
    return;
  }
  const colon = raw.indexOf(':');
  if (colon <= 0) {
    state.warnings.push(`"${raw.slice(0, 60)}" is not a header (expected "Name: value"); skipped.`);
    return;
  }
  const name = raw.slice(0, colon).trim();
  const value = raw.slice(colon + 1).trim();
  if (value === '') {
    // curl: "Name:" removes a header curl would add itself.
    state.removed.add(name.toLowerCase());
    return;
  }
  state.headers.push([name, value]);
}

function hasHeader(state: State, name: string): boolean {
  const lower = name.toLowerCase();
  return state.headers.some(([key]) => key.toLowerCase() === lower) || state.removed.has(lower);
}

function dataValue(state: State, option: string, value: Uint8Array): void {
  const text = utf8Lossy(value);
  if (option === '--data-raw') {
    state.data.push(value);
    return;
  }
  if (option === '--data-urlencode') {
    const eq = text.indexOf('=');
    const at = text.indexOf('@');
    if (at !== -1 && (eq === -1 || at < eq)) {
      state.warnings.push(
        `--data-urlencode reads the file ${text.slice(at + 1)}; paste its content instead.`,
      );
      return;
    }
    if (eq === -1) state.data.push(utf8Bytes(curlEscape(value)));
    else {
      const nameBytes = value.subarray(0, utf8Bytes(text.slice(0, eq)).length);
      const content = value.subarray(nameBytes.length + 1);
      state.data.push(
        eq === 0
          ? utf8Bytes(curlEscape(content))
          : concatBytes([nameBytes, utf8Bytes('='), utf8Bytes(curlEscape(content))]),
      );
    }
    return;
  }
  if (text.startsWith('@')) {
    state.warnings.push(
      `The body is read from the file ${text.slice(1) || '(stdin)'}, which cannot be opened here: paste its content into the body.`,
    );
    return;
  }
  // --data and --data-ascii strip CR and LF only from files; inline data is taken as it is.
  state.data.push(value);
}

function formValue(state: State, raw: Uint8Array, literal: boolean): void {
  const text = utf8Lossy(raw);
  const eq = text.indexOf('=');
  if (eq <= 0) {
    state.warnings.push(`-F "${text.slice(0, 60)}" is not name=value; skipped.`);
    return;
  }
  const name = text.slice(0, eq);
  const content = raw.subarray(utf8Bytes(text.slice(0, eq + 1)).length);
  const contentText = utf8Lossy(content);
  if (!literal && (contentText.startsWith('@') || contentText.startsWith('<'))) {
    state.warnings.push(
      `-F ${name} reads the file ${contentText.slice(1).split(';')[0] ?? ''}; that part was left out.`,
    );
    return;
  }
  let value = content;
  let type: string | undefined;
  if (!literal) {
    const typeMatch = /;type=([^;]+)$/u.exec(contentText);
    if (typeMatch?.[1]) {
      type = typeMatch[1];
      value = utf8Bytes(contentText.slice(0, typeMatch.index));
    }
  }
  state.form.push({ name, value, ...(type ? { type } : {}) });
}

const BOUNDARY = '------------------------convoscope0boundary';

function multipartBody(parts: State['form']): Uint8Array {
  const chunks: Uint8Array[] = [];
  for (const part of parts) {
    chunks.push(
      utf8Bytes(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name.replace(/"/gu, '%22')}"\r\n${part.type ? `Content-Type: ${part.type}\r\n` : ''}\r\n`,
      ),
      part.value,
      utf8Bytes('\r\n'),
    );
  }
  chunks.push(utf8Bytes(`--${BOUNDARY}--\r\n`));
  return concatBytes(chunks);
}

function basicAuth(user: Uint8Array): string {
  const text = utf8Lossy(user);
  return `Basic ${bytesToBase64(utf8Bytes(text.includes(':') ? text : `${text}:`))}`;
}

/**
 * Reads a cURL command (bash, zsh, fish-compatible quoting, or Windows cmd as browsers copy it)
 * into the request it describes. Never executes anything and never throws: unreadable input gives
 * `{ok: false, error}`, options it cannot honour give warnings.
 */
export function parseCurl(command: string): CurlParseResult {
  try {
    return parseCurlUnsafe(command);
  } catch (error) {
    return {
      ok: false,
      error: `Could not read the command: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

function parseCurlUnsafe(command: string): CurlParseResult {
  if (command.length > 16 * 1024 * 1024) return { ok: false, error: 'The command is longer than 16 MiB.' };
  const split = shellWords(command.replace(/^\s*\$\s+/u, ''));
  if (!split.ok) return split;
  const words = split.words;
  const first = words[0] ? utf8Lossy(words[0]) : '';
  if (!/(^|[/\\])curl(\.exe)?$/iu.test(first))
    return {
      ok: false,
      error:
        first === '' ? 'The command is empty.' : 'This is not a curl command (it should start with "curl").',
    };

  const state: State = {
    method: null,
    urls: [],
    headers: [],
    removed: new Set(),
    data: [],
    form: [],
    get: false,
    head: false,
    json: false,
    warnings: [...split.warnings],
  };
  let optionsEnded = false;
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    const text = utf8Lossy(word);
    if (optionsEnded || !text.startsWith('-') || text === '-') {
      state.urls.push(text);
      continue;
    }
    if (text === '--') {
      optionsEnded = true;
      continue;
    }
    // Expand short option clusters: -sSL, -XPOST, -H'a: b'.
    let option = text;
    let inline: Uint8Array | null = null;
    if (!text.startsWith('--')) {
      const letters = text.slice(1);
      for (let k = 0; k < letters.length; k++) {
        const letter = letters[k]!;
        if (SHORT_WITH_VALUE.has(letter)) {
          option = `-${letter}`;
          const rest = word.subarray(utf8Bytes(`-${letters.slice(0, k + 1)}`).length);
          inline = rest.length > 0 ? rest : null;
          break;
        }
        if (k === letters.length - 1) {
          option = `-${letter}`;
          break;
        }
        // A flag inside a cluster (-sSL): apply it and read on.
        applyFlag(state, `-${letter}`);
      }
    }
    const canonical = LONG_ALIASES[option] ?? option;
    const takesValue =
      [
        '--request',
        '--header',
        '--data',
        '--data-ascii',
        '--data-raw',
        '--data-binary',
        '--data-urlencode',
        '--json',
        '--user-agent',
        '--referer',
        '--user',
        '--cookie',
        '--form',
        '--form-string',
        '--url',
        '--upload-file',
        '--config',
        '--oauth2-bearer',
      ].includes(canonical) || IGNORED_WITH_VALUE.has(option);
    let value: Uint8Array | null = null;
    if (takesValue) {
      if (inline !== null) value = inline;
      else {
        const next = words[i + 1];
        if (next === undefined) return { ok: false, error: `${option} needs a value.` };
        value = next;
        i += 1;
      }
    }
    if (IGNORED_WITH_VALUE.has(option)) continue;
    if (!applyOption(state, canonical, value)) {
      if (IGNORED_FLAGS.has(option)) continue;
      state.warnings.push(`Ignored the option ${option.slice(0, 40)}.`);
    }
  }

  if (state.urls.length === 0) return { ok: false, error: 'The command has no URL.' };
  if (state.urls.length > 1)
    state.warnings.push(
      `The command names ${state.urls.length} URLs; only the first (${state.urls[0]!.slice(0, 80)}) is used.`,
    );
  let url = state.urls[0]!;
  if (!/^[a-z][a-z0-9+.-]*:\/\//iu.test(url)) url = `http://${url}`;
  let parsedUrl: URL;
  try {
    parsedUrl = new URL(url);
  } catch {
    return { ok: false, error: `"${url.slice(0, 200)}" is not a valid URL.` };
  }
  if (parsedUrl.protocol !== 'http:' && parsedUrl.protocol !== 'https:')
    return { ok: false, error: `Only http:// and https:// URLs can be sent (got ${parsedUrl.protocol}).` };

  let body: Uint8Array = new Uint8Array(0);
  if (state.form.length > 0) {
    if (state.data.length > 0) state.warnings.push('Both -d and -F were given; the -F form is used.');
    body = multipartBody(state.form);
    if (!hasHeader(state, 'content-type'))
      state.headers.push(['Content-Type', `multipart/form-data; boundary=${BOUNDARY}`]);
  } else if (state.data.length > 0) {
    const joined: Uint8Array[] = [];
    state.data.forEach((part, index) => {
      if (index > 0) joined.push(utf8Bytes('&'));
      joined.push(part);
    });
    body = concatBytes(joined);
    if (state.get) {
      const query = utf8Lossy(body);
      url = `${url.split('#')[0]}${url.includes('?') ? '&' : '?'}${query}`;
      body = new Uint8Array(0);
    } else if (state.json) {
      if (!hasHeader(state, 'content-type')) state.headers.push(['Content-Type', 'application/json']);
      if (!hasHeader(state, 'accept')) state.headers.push(['Accept', 'application/json']);
    } else if (!hasHeader(state, 'content-type')) {
      state.headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
    }
  }
  const method =
    state.method ??
    (state.head
      ? 'HEAD'
      : state.get
        ? 'GET'
        : body.length > 0 || state.data.length > 0 || state.form.length > 0
          ? 'POST'
          : 'GET');
  return { ok: true, request: { method, url, headers: state.headers, body, warnings: state.warnings } };
}

function applyFlag(state: State, letter: string): void {
  const canonical = LONG_ALIASES[letter] ?? letter;
  if (!applyOption(state, canonical, null) && !IGNORED_FLAGS.has(letter))
    state.warnings.push(`Ignored the option ${letter}.`);
}

/** Applies one option; false when it is not one that shapes the request. */
function applyOption(state: State, option: string, value: Uint8Array | null): boolean {
  const text = value === null ? '' : utf8Lossy(value);
  switch (option) {
    case '--request':
      state.method = text.toUpperCase();
      return true;
    case '--header':
      addHeader(state, text);
      return true;
    case '--data':
    case '--data-ascii':
    case '--data-binary':
    case '--data-raw':
    case '--data-urlencode':
      if (value) dataValue(state, option, value);
      return true;
    case '--json':
      state.json = true;
      if (value) dataValue(state, '--data-binary', value);
      return true;
    case '--form':
      if (value) formValue(state, value, false);
      return true;
    case '--form-string':
      if (value) formValue(state, value, true);
      return true;
    case '--user-agent':
      state.headers.push(['User-Agent', text]);
      return true;
    case '--referer':
      state.headers.push(['Referer', text.replace(/;auto$/u, '')]);
      return true;
    case '--user':
      if (value) state.headers.push(['Authorization', basicAuth(value)]);
      return true;
    case '--oauth2-bearer':
      state.headers.push(['Authorization', `Bearer ${text}`]);
      return true;
    case '--cookie':
      if (text.includes('=')) state.headers.push(['Cookie', text]);
      else state.warnings.push(`Cookies from the file ${text} were not read.`);
      return true;
    case '--url':
      state.urls.push(text);
      return true;
    case '--get':
      state.get = true;
      return true;
    case '--head':
      state.head = true;
      return true;
    case '--upload-file':
      state.warnings.push(
        `-T uploads the file ${text}, which cannot be read here; paste its content into the body.`,
      );
      if (!state.method) state.method = 'PUT';
      return true;
    case '--config':
      state.warnings.push(`Options from the config file ${text} were not read.`);
      return true;
    default:
      return false;
  }
}
