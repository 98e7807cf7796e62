// Enter moves to the next field, as clerks expect from ledger software: handlers for the
// form's container. In a select, Enter after typing picks the highlighted option and moves
// on, Enter without typing keeps the value and moves on; an input that picks several things
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

/** A select or a picking input, where Enter would pick what is highlighted. */
const picks = (target: HTMLElement) => target.getAttribute('role') === 'combobox' || target.hasAttribute('data-picks-on-enter');

/** Keydown (and focus/input) handlers for a form's container: spread them onto it. */
export function enterNavigation(onPastLast: () => void) {
  // After the event's own work (a select taking its option, React drawing fields that choice
  // reveals) and before the next keystroke is handled: what is typed next lands in the next field.
  const moveOnLater = (container: HTMLElement, from: HTMLElement) => queueMicrotask(() => moveOn(container, from, onPastLast));
  return {
    onFocusCapture: (event: FocusEvent<HTMLElement>) => typedInto.delete(event.target),
    onInputCapture: (event: FormEvent<HTMLElement>) => typedInto.add(event.target),
    /**
     * Where Enter would pick: with nothing typed since focus (or the text emptied) it moves on
     * and keeps the value — the select must not pick whatever happens to be highlighted.
     */
    onKeyDownCapture: (event: KeyboardEvent<HTMLElement>) => {
      const target = event.target as HTMLInputElement;
      if (!isPlainEnter(event) || !picks(target) || (typedInto.has(target) && target.value !== '')) return;
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
