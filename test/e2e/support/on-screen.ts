// Whether an element is on an office screen as a person sees it, for the browser tests of lists
// that must fit 1366×768 and 1280×720.

import type { Locator } from 'playwright-core';

/** Null when the element is drawn where it is: inside the window, and the topmost thing at its centre; else what is wrong, in words. */
export async function visible(locator: Locator): Promise<string | null> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return '没有大小';
    if (box.left < 0 || box.top < 0 || box.right > window.innerWidth + 0.5 || box.bottom > window.innerHeight + 0.5) {
      return `超出窗口：${Math.round(box.left)}–${Math.round(box.right)} / ${window.innerWidth}`;
    }
    const atCentre = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    if (!atCentre || !(element === atCentre || element.contains(atCentre))) return `被遮住：${atCentre?.textContent?.slice(0, 20) ?? ''}`;
    return null;
  });
}
