/**
 * The sidebar's status and error lines under the buttons, and the unsaved-changes flag
 * that highlights the save button.
 */
import { byId } from './dom';
import { t } from './session';

let dirty = false;

export function say(message: string): void {
  byId('status').textContent = message;
  byId('error').textContent = '';
}

export function sayError(message: string): void {
  byId('status').textContent = '';
  byId('error').textContent = message;
}

/** Unsaved changes (the summary, which reads the saved mapping, would not see them). */
export function isDirty(): boolean {
  return dirty;
}

export function setDirty(value: boolean): void {
  dirty = value;
  byId('save').classList.toggle('attention', dirty);
}

export function markDirty(): void {
  setDirty(true);
  say(t('unsaved'));
}
