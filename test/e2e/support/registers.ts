// A clerk at the keyboard, for the register pages' browser tests: type into the focused field
// and press Enter, pick from a select by typing part of a label, tick with Space — no pauses
// between keystrokes, as a fast typist — and where the focus is, so a test can say which field
// it expects to be in.

import type { Locator, Page } from 'playwright-core';

/** One step in a form: text typed then Enter, a select picked, a tick (Space, Enter), or waiting for some text to show. */
export type Keystroke =
  | string
  | { readonly pick: string; readonly option?: string }
  | { readonly tick: true }
  | { readonly waitForText: string };

/** The label of the focused input (its <label>, else aria-label), to check where Enter led. */
export async function focusedLabel(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLInputElement | null;
    if (!element) return '';
    const label = element.labels?.[0]?.textContent ?? element.getAttribute('aria-label') ?? '';
    return label.replace(/\s+/g, '').replace(/\*$/, '');
  });
}

/**
 * Types `text` into a searchable select and presses Enter once the highlighted option is `option`.
 * On a busy machine the list may open, or its options arrive (a roster still loading), after the
 * typing: none is highlighted then, and a clerk presses ↓ (which also opens a closed list) until
 * the option is — and so does the test, a bounded number of times.
 */
export async function pick(page: Page, text: string, option = text): Promise<void> {
  await page.keyboard.type(text);
  const highlighted = page.locator('[data-combobox-option][data-combobox-selected]', { hasText: option }).first();
  for (let presses = 0; ; presses += 1) {
    try {
      await highlighted.waitFor({ timeout: 3000 });
      break;
    } catch (error) {
      if (presses === 10) throw error;
      await page.keyboard.press('ArrowDown');
    }
  }
  await page.keyboard.press('Enter');
}

/** Runs the steps in the focused form, each one straight after the other. */
export async function typeKeys(page: Page, steps: readonly Keystroke[]): Promise<void> {
  for (const step of steps) {
    if (typeof step === 'string') {
      if (step !== '') await page.keyboard.type(step);
      await page.keyboard.press('Enter');
    } else if ('pick' in step) {
      await pick(page, step.pick, step.option);
    } else if ('waitForText' in step) {
      await page.getByText(step.waitForText).first().waitFor();
    } else {
      await page.keyboard.press('Space');
      await page.keyboard.press('Enter');
    }
  }
}

/** The open record form (a drawer named 新增… or 编辑…). */
export function formDrawer(page: Page): Locator {
  return page.getByRole('dialog').filter({ has: page.getByRole('button', { name: '保存' }) });
}

/** The error text shown under a form field, found by the field's label (a required field's label ends in its mark *). */
export function fieldError(drawer: Locator, label: string): Locator {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const labelled = drawer.page().locator('label').filter({ hasText: new RegExp(`^\\s*${escaped}\\s*\\*?\\s*$`) });
  return drawer.locator('[data-field]').filter({ has: labelled }).locator('.mantine-InputWrapper-error, .mantine-Checkbox-error');
}

/** Sets the register page's hash route and waits for its heading. */
export async function openRegister(page: Page, path: string, title: string): Promise<void> {
  await page.evaluate((route) => {
    window.location.hash = route;
  }, path);
  await page.getByRole('heading', { level: 2, name: title }).waitFor();
}

/** Presses Enter until the field labelled `label` has focus (at most `limit` times); the labels passed on the way are in the error. */
export async function enterUntil(page: Page, label: string, limit = 20): Promise<void> {
  const passed: string[] = [];
  for (let presses = 0; presses <= limit; presses++) {
    const focused = await focusedLabel(page);
    if (focused === label) return;
    passed.push(focused);
    await page.keyboard.press('Enter');
  }
  throw new Error(`Enter did not reach「${label}」; passed ${passed.map((name) => `「${name}」`).join(' → ')}`);
}

/** The text of the focused element (a button's caption …). */
export async function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
}
