import assert from 'node:assert/strict';
import type { LexiconEntry } from '../../src/knowledge/lexicon';
import { Translator } from '../../src/matching/bridge';
import { DEFAULT_PARAMETERS } from '../../src/matching/parameters';

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
