/** Search fields of the views carry `data-view-search`; `/` focuses the one on screen. */
function visibleSearchField(): HTMLInputElement | null {
  const fields = document.querySelectorAll<HTMLInputElement>('input[data-view-search]');
  return [...fields].find((field) => field.offsetParent !== null) ?? null;
}

export function hasViewSearch(): boolean {
  return visibleSearchField() !== null;
}

export function focusViewSearch(): void {
  const field = visibleSearchField();
  field?.focus();
  field?.select();
}
