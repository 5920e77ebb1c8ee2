import assert from 'node:assert/strict';
import type { LexiconEntry } from '../../src/knowledge/lexicon';
import { Translator } from '../../src/matching/bridge';

/**
 * A PowerShell verb joined by a hyphen to a capitalised word is a cmdlet's name and stays as written (`Stop-Service`),
 * unless that word is German the lexicon reads as another English word: `Stop-Fehler` is a stop error, and a cmdlet's
 * noun is English. A noun both languages write alike (`Server`) keeps the cmdlet. Hand-made lexicon.
 */
const entry = (de: string, en: string): LexiconEntry => ({ de: [de], en: [en], file: 'test' });
const en = new Translator([entry('Fehler', 'error'), entry('Server', 'server'), entry('Dienst', 'service')], 'de');

describe('bridge: a German compound after a PowerShell verb is no cmdlet (Translator, germanNoun)', () => {
  it('reads the German noun of `Stop-Fehler`', () => {
    assert.equal(en.translate('Der Server zeigt einen Stop-Fehler.').text, 'Der server zeigt einen Stop-error.');
  });

  it('keeps a cmdlet whose noun is English, or written alike in both languages', () => {
    assert.equal(en.translate('Stop-Service und Restart-Server').text, 'Stop-Service und Restart-Server');
  });
});
