import assert from 'node:assert/strict';
import { Matcher } from '../../src/matching/matcher';
import { DEFAULT_PARAMETERS } from '../../src/matching/parameters';
import { englishArticle as article, FAMILY_ERROR, familyOfThree, kbOf, nearTwinPair, TWIN_ERRORS } from '../helpers/articles';

/** Several articles holding one error whole: the paste must say which (ranking.ts breakTies, parameters.ts `score.family`). */
describe('matching rules: an error several articles hold (a family)', () => {
  const error = FAMILY_ERROR;
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(kbOf(familyOfThree()));
  });

  it('offers the family, answers none, when the rest of the paste names none of their scenarios', () => {
    const r = m.match(error);
    assert.equal(r.decision, 'clarify');
    assert.deepEqual(r.matches.map((x) => x.article).sort(), ['away', 'export', 'members']);
    assert.ok(r.matches.every((x) => x.score === DEFAULT_PARAMETERS.score.family.cap));
  });

  it('reads no scenario into the words of stack-trace frames (`Object target`)', () => {
    const frames = [
      error,
      // Frames of Microsoft's own code (another program's would cap the paste for that: foreignProgram.ts).
      '   at Microsoft.Exchange.Configuration.Tasks.Task.ThrowError(Exception exception, Object target, String helpUrl)',
      '   at Microsoft.Exchange.Configuration.Tasks.GetLlamaTask.InternalProcessRecord()',
    ].join('\n');
    assert.equal(m.match(frames).decision, 'clarify');
  });

  it('answers the one whose scenario the paste names', () => {
    const r = m.match(`Exporting the walrus archive of a llama: ${error}`);
    assert.deepEqual([r.decision, r.matches[0].article], ['answer', 'export']);
    const explained = m.match(error, { explain: true });
    assert.ok(
      explained.matches[0].why!.rules.some((x) => x.rule === 'tie-break' && x.note.includes('the error of a family of 3 articles')),
      JSON.stringify(explained.matches[0].why!.rules),
    );
  });
});

/** Two articles quoting one error in near-twin forms (ranking.ts nearTwins, parameters.ts `score.twins`). */
describe('matching rules: near-twin error texts of two articles', () => {
  const { short, long } = TWIN_ERRORS;
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(kbOf(nearTwinPair()));
  });

  it('offers both, answers neither, when the paste holds the shorter one and names neither scenario', () => {
    const r = m.match(short);
    assert.equal(r.decision, 'clarify');
    assert.deepEqual(r.matches.map((x) => x.article).sort(), ['encryption', 'setup']);
    assert.ok(r.matches.every((x) => x.score <= DEFAULT_PARAMETERS.score.twins.score));
    const explained = m.match(short, { explain: true });
    assert.ok(
      explained.matches[0].why!.rules.some((x) => x.rule === 'tie-break' && x.note.includes('a near twin of encryption')),
      JSON.stringify(explained.matches[0].why!.rules),
    );
  });

  it('answers the one whose scenario the rest of the paste names', () => {
    const r = m.match(`The gateway requires zebra encryption since Monday. ${short}`);
    assert.deepEqual([r.decision, r.matches[0].article], ['answer', 'encryption']);
    const s = m.match(`Setting up a new narwhal profile: ${short}`);
    assert.deepEqual([s.decision, s.matches[0].article], ['answer', 'setup']);
  });

  it('answers the longer one pasted whole: its extra word is not in the other (a contradiction there)', () => {
    const r = m.match(long);
    assert.deepEqual([r.decision, r.matches[0].article], ['answer', 'encryption']);
  });
});

/** Articles tied on one error that the rest of the paste fits equally: the one whose title it names first (ranking.ts byTitle). */
describe('matching rules: a tie the rest of the paste fits equally goes to the title that names it', () => {
  const error = FAMILY_ERROR;
  const articles = [
    // `aardvark` comes first by id: it names the Walrus Gateway only in a sentence of its description
    article('aardvark', [error], {
      title: { en: 'Quokka replies cannot be set in the browser' },
      symptoms: [{ id: 'main', description: { en: 'Your llamas live on a Walrus Gateway in another forest.' }, errors: { en: [error] } }],
    }),
    article('zebra', [error], { title: { en: 'Exporting a narwhal archive fails on Walrus Gateway 7' } }),
    article('other', ['Unrelated zebra text about the zoo.']),
  ];
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(kbOf(articles));
  });

  it("puts the article whose title names the paste's other words first, and says so", () => {
    const r = m.match(`Walrus Gateway\n${error}`, { explain: true });
    assert.deepEqual(
      r.matches.slice(0, 2).map((x) => x.article),
      ['zebra', 'aardvark'],
    );
    assert.ok(
      r.matches[0].why!.rules.some(
        (x) => x.rule === 'tie-break' && x.note.includes('in its title (a tie on that weight goes to the titles)'),
      ),
      JSON.stringify(r.matches[0].why!.rules),
    );
  });

  it('leaves a tie that the weights already decide alone', () => {
    const r = m.match(`Quokka replies in the browser on the Walrus Gateway\n${error}`);
    assert.equal(r.matches[0].article, 'aardvark');
  });
});

/** Five articles that carry neither tied article's scenario: they make the product's name common (over a quarter). */
function productNameBystanders() {
  return [
    article('archive1', ['The heron queue is full.'], { title: { en: 'Archive quota reached for herons' } }),
    article('archive2', ['The ibis cannot be reached.'], { title: { en: 'Archive ibis unreachable' } }),
    article('o1', ['Unrelated kiwi text about the zoo.']),
    article('o2', ['Another moose notice from the lake.']),
    article('o3', ['A third gecko message in the desert.']),
  ];
}

/**
 * Words more than a quarter of the articles use that every tied article holds (a product's name) don't say which of them
 * the paste is about (ranking.ts familyFit): they count toward the family's fit only beside a word that tells the first apart.
 */
describe("matching rules: a product's name the tied articles all carry does not name a family member's scenario", () => {
  const error = FAMILY_ERROR;
  // `walrus gateway` is in the titles of three of the eight articles (more than a quarter: 1.30 each, together above ln 5);
  // `archive` too, but of only one of the two tied.
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(
      kbOf([
        article('export', [error], { title: { en: 'Exporting an archive fails for the target llama on Walrus Gateway' } }),
        article('away', [error], { title: { en: 'Quokka replies cannot be set in the browser of Walrus Gateway' } }),
        article('console', ['The zebra console stopped responding.'], { title: { en: 'Walrus Gateway console hangs' } }),
        ...productNameBystanders(),
      ]),
    );
  });

  it('offers the family, answers none, when the rest of the paste adds only the product name', () => {
    const r = m.match(`Walrus Gateway: ${error}`, { explain: true });
    assert.equal(r.decision, 'clarify');
    assert.deepEqual(
      r.matches
        .slice(0, 2)
        .map((x) => x.article)
        .sort(),
      ['away', 'export'],
    );
    assert.ok(r.matches.slice(0, 2).every((x) => x.score === DEFAULT_PARAMETERS.score.family.cap));
    assert.ok(
      r.matches[0].why!.rules.some((x) => x.rule === 'tie-break' && x.note.includes('that all 2 hold, none of its words telling it apart')),
      JSON.stringify(r.matches[0].why!.rules),
    );
  });

  it('counts the product name beside a word that tells the first apart', () => {
    const r = m.match(`Walrus Gateway archive: ${error}`);
    assert.deepEqual([r.decision, r.matches[0].article], ['answer', 'export']);
  });
});

/** The same for near twins (ranking.ts nearTwins): a product's name both twins carry names neither one's scenario. */
describe("matching rules: a product's name near twins both carry does not name either one's scenario", () => {
  const short = 'The connection to the walrus pony is unavailable. The llama must be online to complete this quokka action.';
  const long = 'The connection to the walrus pony server is unavailable. The llama must be online to complete this quokka action.';
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(
      kbOf([
        article('setup', [short], { title: { en: 'Setting up an archive profile on Yak Gateway fails' } }),
        article('encryption', [long], { title: { en: 'Zebra encryption required by Yak Gateway' } }),
        article('console', ['The zebra console stopped responding.'], { title: { en: 'Yak Gateway console hangs' } }),
        ...productNameBystanders(),
      ]),
    );
  });

  it('offers both twins, answers neither, when the rest of the paste adds only the product name', () => {
    const r = m.match(`Yak Gateway: ${short}`, { explain: true });
    assert.ok(
      r.matches[0].why!.rules.some((x) => x.rule === 'tie-break' && x.note.includes('that all 2 hold, none of its words telling it apart')),
      JSON.stringify(r.matches[0].why!.rules),
    );
    assert.equal(r.decision, 'clarify');
    assert.deepEqual(
      r.matches
        .slice(0, 2)
        .map((x) => x.article)
        .sort(),
      ['encryption', 'setup'],
    );
  });

  it('counts the product name beside a word that tells the first apart', () => {
    const r = m.match(`Yak Gateway archive: ${short}`);
    assert.deepEqual([r.decision, r.matches[0].article], ['answer', 'setup']);
  });
});
