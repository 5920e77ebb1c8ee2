import assert from 'node:assert/strict';
import { parseIntent } from '../../src/bot/intents';
import { chooseLang, langFromLocale } from '../../src/bot/language';

describe('intents', () => {
  it('commands in English and German', () => {
    assert.deepEqual(parseIntent('help'), { kind: 'help', spoken: undefined });
    assert.deepEqual(parseIntent(' Hilfe '), { kind: 'help', spoken: 'de' });
    assert.deepEqual(parseIntent('/topics'), { kind: 'topics', spoken: undefined });
    assert.deepEqual(parseIntent('themen'), { kind: 'topics', spoken: 'de' });
    assert.deepEqual(parseIntent('show exo-legacy-tls-hybrid'), { kind: 'show', id: 'exo-legacy-tls-hybrid', spoken: undefined });
    assert.deepEqual(parseIntent('zeige `exo-legacy-tls-hybrid`'), { kind: 'show', id: 'exo-legacy-tls-hybrid', spoken: 'de' });
    assert.deepEqual(parseIntent('zeige'), { kind: 'show', id: undefined, spoken: 'de' });
  });

  it('greetings and thanks only as the whole message', () => {
    assert.deepEqual(parseIntent('Hallo!'), { kind: 'greeting', spoken: 'de' });
    assert.deepEqual(parseIntent('hi PasteFix'), { kind: 'greeting', spoken: undefined });
    assert.deepEqual(parseIntent('Thank you.'), { kind: 'thanks', spoken: 'en' });
    assert.deepEqual(parseIntent('Danke schön'), { kind: 'thanks', spoken: 'de' });
    assert.equal(parseIntent('hello, the HCW fails with an error').kind, 'paste');
  });

  it('a lone number answers a clarify question; anything else is a paste', () => {
    assert.deepEqual(parseIntent('2'), { kind: 'number', value: 2 });
    assert.deepEqual(parseIntent('3.'), { kind: 'number', value: 3 });
    assert.equal(parseIntent('404').kind, 'paste');
    assert.equal(parseIntent('help\nError: something').kind, 'paste');
    assert.deepEqual(parseIntent('   '), { kind: 'empty' });
  });
});

describe('language', () => {
  it('reads locales', () => {
    assert.equal(langFromLocale('de-DE'), 'de');
    assert.equal(langFromLocale('de_AT'), 'de');
    assert.equal(langFromLocale('EN-us'), 'en');
    assert.equal(langFromLocale('fr-FR'), undefined);
    assert.equal(langFromLocale(undefined), undefined);
  });

  it('typed words > remembered > locale > paste > English', () => {
    assert.equal(chooseLang({ spoken: 'de', remembered: 'en', locale: 'en-US', paste: 'en' }), 'de');
    assert.equal(chooseLang({ remembered: 'de', locale: 'en-US', paste: 'en' }), 'de');
    assert.equal(chooseLang({ locale: 'de-DE', paste: 'en' }), 'de');
    assert.equal(chooseLang({ locale: 'fr-FR', paste: 'de' }), 'de');
    assert.equal(chooseLang({}), 'en');
  });
});
