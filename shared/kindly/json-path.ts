/** A location inside a JSON value: object keys and array indexes from the root. */
export type JsonPathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/u;

/**
 * `form.fields[5]`, `image_carousel[0].buttons[1].button_type`; keys that are not identifiers are
 * quoted (`new_context["user email"]`). The root is the empty string.
 */
export function formatJsonPath(segments: readonly JsonPathSegment[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) path += path === '' ? segment : `.${segment}`;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}
