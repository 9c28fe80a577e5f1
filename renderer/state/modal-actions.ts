import type { ModalName } from './modal-slice.js';
import { useAppStore } from './store.js';

export function openModal(modal: ModalName): void {
  useAppStore.setState({ modal });
}

export function closeModal(): void {
  useAppStore.setState({ modal: null });
}
