// Enter moves to the next field, as clerks expect from ledger software: handlers for the
// form's container. In a picker (select), Enter picks the highlighted option and moves on once
// the clerk has typed or moved the highlight with ↓/↑; Enter without either keeps the value and
// moves on. Tab picks the same way (a desktop combo box); Space on a closed picker opens it.
// An input that picks several things
// (a multi-select, the attendance filter) picks and stays while text is typed, and moves on
// when its text is empty; a textarea takes Shift+Enter as a new line; buttons keep their own
// Enter. After the last field, focus goes to `onPastLast`. DOM only: no React state.

import type { FocusEvent, FormEvent, KeyboardEvent } from 'react';

/** Put on an input where Enter picks (and calls preventDefault) until there is nothing to pick. */
export const picksOnEnterAttribute = { 'data-picks-on-enter': true } as const;

/** Put on inputs Enter passes over (Tab still reaches them): the ticks of a long list. */
export const enterSkipsAttribute = { 'data-enter-skips': true } as const;

/** Put on a group of inputs (the parties editor): Enter on an input marked `data-enter-exit` leaves the group. */
export const enterGroupAttribute = { 'data-enter-group': true } as const;
export const enterExitAttribute = { 'data-enter-exit': true } as const;

const candidateSelector = 'input:not([type=hidden]):not([type=file]), textarea';

function isEnterable(element: HTMLElement): boolean {
  const input = element as HTMLInputElement;
  return (
    !input.disabled &&
    !input.readOnly &&
    input.tabIndex >= 0 &&
    !element.hasAttribute('data-enter-skips') &&
    element.getClientRects().length > 0
  );
}

/** The inputs of `container` that Enter visits, in document order. */
export function enterableInputs(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(candidateSelector)].filter(isEnterable);
}

/** Focuses the first enterable input of `container`; false if there is none. */
export function focusFirstInput(container: HTMLElement | null): boolean {
  const first = container ? enterableInputs(container)[0] : undefined;
  first?.focus();
  return first !== undefined;
}

function moveOn(container: HTMLElement, from: HTMLElement, onPastLast: () => void): void {
  const inputs = enterableInputs(container);
  const group = from.hasAttribute('data-enter-exit') ? from.closest('[data-enter-group]') : null;
  const index = inputs.indexOf(from);
  const next = inputs.slice(index + 1).find((input) => !group || !group.contains(input));
  if (next) {
    next.focus();
    if (next instanceof HTMLInputElement && next.type === 'text') next.select();
  } else onPastLast();
}

const isPlainEnter = (event: KeyboardEvent<HTMLElement>) =>
  event.key === 'Enter' && !event.nativeEvent.isComposing && !event.ctrlKey && !event.metaKey && !event.altKey;

/** Inputs typed into since they last got focus. */
const typedInto = new WeakSet<EventTarget>();

/** Pickers whose highlight the clerk moved with ↓/↑ since they got focus (or last picked). */
const steered = new WeakSet<EventTarget>();

/** The clerk chose by keys in this picker: moved the highlight, or typed text that is still there. */
const choosesByKeys = (target: HTMLInputElement) => steered.has(target) || (typedInto.has(target) && target.value !== '');

const isExpanded = (target: HTMLElement) => target.getAttribute('aria-expanded') === 'true';

/** The option highlighted in a picker's open list. */
function highlightedOption(target: HTMLElement): HTMLElement | null {
  const listId = target.getAttribute('aria-controls');
  const list = listId ? document.getElementById(listId) : null;
  return list?.querySelector<HTMLElement>('[data-combobox-option][data-combobox-selected]') ?? null;
}

const isPlainKey = (event: KeyboardEvent<HTMLElement>, key: string) =>
  event.key === key && !event.nativeEvent.isComposing && !event.ctrlKey && !event.metaKey && !event.altKey;

/** In a picker: ↓/↑ steer, Tab picks what was steered to or typed, Space opens it when closed. */
function pickerKey(event: KeyboardEvent<HTMLElement>, target: HTMLInputElement): void {
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') steered.add(target);
  else if (isPlainKey(event, 'Tab') && isExpanded(target) && choosesByKeys(target)) highlightedOption(target)?.click();
  else if (isPlainKey(event, ' ') && !event.shiftKey && !isExpanded(target) && !choosesByKeys(target)) {
    event.preventDefault();
    target.click();
  }
}

/** A select or a picking input, where Enter would pick what is highlighted. */
const picks = (target: HTMLElement) => target.getAttribute('role') === 'combobox' || target.hasAttribute('data-picks-on-enter');

/** Keydown (and focus/input) handlers for a form's container: spread them onto it. */
export function enterNavigation(onPastLast: () => void) {
  // After the event's own work (a select taking its option, React drawing fields that choice
  // reveals) and before the next keystroke is handled: what is typed next lands in the next field.
  const moveOnLater = (container: HTMLElement, from: HTMLElement) => queueMicrotask(() => moveOn(container, from, onPastLast));
  return {
    onFocusCapture: (event: FocusEvent<HTMLElement>) => {
      typedInto.delete(event.target);
      steered.delete(event.target);
    },
    onInputCapture: (event: FormEvent<HTMLElement>) => typedInto.add(event.target),
    /**
     * Where Enter would pick: with nothing typed (or the text emptied) and the highlight not
     * moved since focus, it moves on and keeps the value — the picker must not pick whatever
     * happens to be highlighted when its list opens. Otherwise the picker takes the highlighted
     * option (and the next Enter starts afresh).
     */
    onKeyDownCapture: (event: KeyboardEvent<HTMLElement>) => {
      const target = event.target as HTMLInputElement;
      if (!picks(target)) return;
      if (!isPlainEnter(event)) return pickerKey(event, target);
      const chosen = choosesByKeys(target);
      typedInto.delete(target);
      steered.delete(target);
      if (chosen) return;
      event.preventDefault();
      event.stopPropagation();
      moveOnLater(event.currentTarget, target);
    },
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
      if (!isPlainEnter(event)) return;
      const target = event.target as HTMLElement;
      if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) return;
      if (target instanceof HTMLTextAreaElement && event.shiftKey) return;
      if (event.defaultPrevented && target.hasAttribute('data-picks-on-enter')) return;
      event.preventDefault();
      moveOnLater(event.currentTarget, target);
    },
  };
}
