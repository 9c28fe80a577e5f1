/** The label of the key that goes with Enter to send from a multi-line editor. */
export function modKeyLabel(): string {
  return /Mac|iPhone|iPad/u.test(navigator.platform || navigator.userAgent) ? '⌘' : 'Ctrl';
}
