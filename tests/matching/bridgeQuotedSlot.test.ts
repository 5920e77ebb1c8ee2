import assert from 'node:assert/strict';
import type { LexiconEntry } from '../../src/knowledge/lexicon';
import { errorWordsOf, holdsApplied, Translator } from '../../src/matching/bridge';
import { Matcher } from '../../src/matching/matcher';
import { DEFAULT_PARAMETERS } from '../../src/matching/parameters';
import { englishArticle, kbOf } from '../helpers/articles';

/**
 * A template's slot that the paste quotes whole (bridge.ts `slotWords`): Setup's wrapper quotes the command it ran,
 * however long (`als "$error.Clear(); upgrade-ExchangeServer -Identity …" ausgeführt wurde`). A slot may stand for the
 * whole quotation, up to `maxQuotedSlotWords`; unquoted, or quoted only in part, it stays at `maxSlotWords`, so a slot
 * never swallows a sentence. Hand-made template and names.
 */
const WRAPPER: LexiconEntry = {
  de: ['Der Wombat meldete einen Fehler, als "{}" gefüttert wurde'],
  en: ['The wombat reported an error when "{}" was fed'],
  file: 'test',
};
const en = new Translator([WRAPPER], 'de');
const { maxSlotWords, maxQuotedSlotWords } = DEFAULT_PARAMETERS.bridge;
const words = (n: number) => Array.from({ length: n }, (_, i) => `Numbat${i + 1}`).join(' ');

describe('bridge: a slot the paste quotes whole may be as long as the quotation (Translator, slotWords)', () => {
  it('reads the template around a quoted command longer than maxSlotWords', () => {
    const command = `$error.Clear(); feed-Wombat -Identity $WombatName -Burrow $BurrowName -Confirm:$false`;
    assert.ok(command.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length > maxSlotWords);
    assert.equal(
      en.translate(`Der Wombat meldete einen Fehler, als "${command}" gefüttert wurde: "Zu wenig Futter."`).text,
      `The wombat reported an error when "${command}" was fed: "Zu wenig Futter."`,
    );
  });

  it('keeps maxSlotWords for a slot that is not quoted whole', () => {
    const long = words(maxSlotWords + 2);
    // Unquoted: no quotation marks where the command ends.
    const unquoted = `Der Wombat meldete einen Fehler, als ${long} gefüttert wurde`;
    assert.equal(en.translate(unquoted).text, unquoted);
    // The quotation starts after the slot's first word: the slot is not the quotation.
    const part = `Der Wombat meldete einen Fehler, als Befehl "${long}" gefüttert wurde`;
    assert.equal(en.translate(part).text, part);
  });

  it('keeps a quotation longer than maxQuotedSlotWords out of the slot', () => {
    const within = `Der Wombat meldete einen Fehler, als "${words(maxQuotedSlotWords)}" gefüttert wurde`;
    assert.equal(en.translate(within).text, `The wombat reported an error when "${words(maxQuotedSlotWords)}" was fed`);
    const beyond = `Der Wombat meldete einen Fehler, als "${words(maxQuotedSlotWords + 1)}" gefüttert wurde`;
    assert.equal(en.translate(beyond).text, beyond);
  });
});

/**
 * The same on the article's side (bridge.ts `holdsApplied`): an English error text holds a template whose slot it quotes
 * with its own quotation in the slot, up to `maxQuotedSlotWords` (Setup's `The following error was generated when
 * "$error.Clear(); & $RoleBinPath\ServiceControl.ps1 EnableServices Critical" was run`: seven words). Unquoted, a slot
 * holds at most `maxSlotWords`. Hand-made articles.
 */
describe('bridge: an error text holds a template with its own quotation in a quoted slot (holdsApplied)', () => {
  const COMMAND = '$error.Clear(); & $BurrowPath\\FeedControl.ps1 EnableFeeding Critical Now';
  const ERROR = `The wombat reported an error when "${COMMAND}" was fed: "WombatManager check failed.". WombatManager check failed.`;
  const PASTE = `Der Wombat meldete einen Fehler, als "${COMMAND}" gefüttert wurde: "WombatManager check failed.".`;
  const UNQUOTED: LexiconEntry = { de: ['Der Numbat grub, bis {} einstürzte'], en: ['The numbat dug until {} collapsed'], file: 'test' };

  it('holds the quoted slot with more than maxSlotWords words, and an unquoted slot only up to maxSlotWords', () => {
    assert.ok(COMMAND.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length > maxSlotWords);
    const [read] = en.translate(PASTE).applied.filter((a) => a.slots?.length);
    assert.deepEqual(read.quotedSlots, [0]);
    const [errorWords] = errorWordsOf(englishArticle('wombat-feed', [ERROR]));
    assert.equal(holdsApplied(errorWords, read, DEFAULT_PARAMETERS.bridge), true);
    assert.equal(holdsApplied(errorWords, read, { maxSlotWords, maxQuotedSlotWords: maxSlotWords }), false);

    const numbat = new Translator([UNQUOTED], 'de');
    const [dug] = numbat.translate(`Der Numbat grub, bis Bau Eins einstürzte`).applied;
    assert.equal(dug.quotedSlots, undefined);
    const [long] = errorWordsOf(englishArticle('numbat', [`The numbat dug until ${words(maxSlotWords + 2)} collapsed`]));
    const [short] = errorWordsOf(englishArticle('numbat', [`The numbat dug until ${words(maxSlotWords)} collapsed`]));
    assert.equal(holdsApplied(long, dug, DEFAULT_PARAMETERS.bridge), false);
    assert.equal(holdsApplied(short, dug, DEFAULT_PARAMETERS.bridge), true);
  });

  it('answers the German wrapper around the English article’s own long command (the verbatim words and the template agree)', () => {
    const kb = kbOf([
      englishArticle('wombat-feed', [ERROR]),
      englishArticle('wombat-sleep', ['The wombat could not sleep because the burrow is too cold.']),
      englishArticle('numbat-dig', ['The numbat reported an error when digging: Burrow collapsed.']),
    ]);
    const r = new Matcher({ ...kb, lexicon: [WRAPPER] }).match(PASTE);
    assert.deepEqual([r.decision, r.matches[0]?.article], ['answer', 'wombat-feed']);
  });
});
