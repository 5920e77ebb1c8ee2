/** Reading Web Chat's transcript in the browser: what the person actually sees. */
import type { Frame, Page } from 'playwright-core';

export interface CardView {
  /** The card's visible text, whitespace collapsed. */
  text: string;
  /** Text of every monospace run (commands, quoted paste, placeholders), as rendered. */
  monospace: string[];
  /** Monospace runs whose content is wider than their box or sticks out of the card. */
  cutOff: string[];
  /** Labels of the card's buttons. */
  buttons: string[];
}

/** Number of Adaptive Cards in the transcript. */
export function cardCount(scope: Page | Frame): Promise<number> {
  return scope.evaluate(() => document.querySelectorAll('.ac-adaptiveCard').length);
}

/** Waits until there are more than `before` cards, and returns the newest. */
export async function nextCard(scope: Page | Frame, before: number, timeout = 15_000): Promise<CardView> {
  await scope.waitForFunction((n) => document.querySelectorAll('.ac-adaptiveCard').length > n, before, { timeout });
  // Let the renderer finish laying out the card.
  await scope.waitForTimeout(300);
  return lastCard(scope);
}

export function lastCard(scope: Page | Frame): Promise<CardView> {
  return scope.evaluate(() => {
    const cards = document.querySelectorAll<HTMLElement>('.ac-adaptiveCard');
    const card = cards[cards.length - 1];
    const cardRect = card.getBoundingClientRect();
    const monospace: string[] = [];
    const cutOff: string[] = [];
    for (const el of card.querySelectorAll<HTMLElement>('[style*="monospace"]')) {
      const text = el.textContent ?? '';
      monospace.push(text);
      const rect = el.getBoundingClientRect();
      const block = el.closest<HTMLElement>('.ac-richTextBlock, .ac-textBlock') ?? el;
      if (block.scrollWidth > block.clientWidth + 1 || rect.right > cardRect.right + 1 || rect.left < cardRect.left - 1) {
        cutOff.push(text);
      }
    }
    const buttons = [...card.querySelectorAll<HTMLElement>('button')].map((b) => (b.textContent ?? '').trim());
    return { text: (card.innerText ?? '').replace(/\s+/g, ' ').trim(), monospace, cutOff, buttons };
  });
}

/** Collapses whitespace, as `CardView.text` does. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** All bot and user text bubbles in the transcript (not cards), whitespace collapsed. */
export function bubbleTexts(scope: Page | Frame): Promise<string[]> {
  return scope.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.webchat__bubble__content')]
      .filter((el) => !el.querySelector('.ac-adaptiveCard'))
      .map((el) => (el.innerText ?? '').replace(/\s+/g, ' ').trim()),
  );
}
