import assert from 'node:assert/strict';
import {
  aboutWeight,
  buildAbout,
  buildDescriptions,
  impliedTerms,
  postingDoc,
  postingField,
  postingOf,
  proseTerms,
  scoreDescriptions,
  titlesNamed,
  titleWordsNamed,
  withPhrases,
} from '../../src/matching/descriptions';
import { DEFAULT_PARAMETERS } from '../../src/matching/parameters';
import { describedArticle as described, kbOf } from '../helpers/articles';
import { builtinMatcher } from '../helpers/fixture';

describe('matching/descriptions', () => {
  const kb = kbOf([
    described('a', 'Room mailbox calendar', 'Meetings in a room mailbox are declined'),
    described('b', 'Shared mailbox permissions', 'Delegates of a shared mailbox lose access'),
  ]);

  it("postingOf: a term's posting of a document, found by halves in its ascending list, as a scan finds it", () => {
    let checked = 0;
    for (const index of [buildDescriptions(kb), builtinMatcher().built.descriptions])
      for (const [term, list] of index.postings) {
        for (let k = 1; k < list.length; k++) assert.ok(list[k - 1] < list[k], `${term}: ascending`);
        for (let doc = -1; doc <= index.docs.length; doc++) {
          const scan = list.find((posting) => postingDoc(posting) === doc) ?? -1;
          assert.equal(postingOf(list, doc), scan, `${term} in document ${doc}`);
          if (scan >= 0) checked++;
        }
      }
    assert.ok(checked > 100);
  });

  it('buildAbout: per article its title and description words, a word weighing more the fewer articles use it', () => {
    const about = buildAbout(kb);
    const shared = Math.log(1 + 2 / 2);
    const own = Math.log(1 + 2 / 1);
    assert.equal(aboutWeight(about, 0, ['mailbox']), shared);
    assert.equal(aboutWeight(about, 0, ['room', 'declined', 'delegates', 'unknown']), own + own);
    assert.equal(aboutWeight(about, 1, ['room', 'delegates', 'shared', 'mailbox']), own + own + shared);
    // Words an error hit already found are left out.
    assert.equal(
      aboutWeight(about, 1, ['delegates', 'shared', 'mailbox'], (t) => t === 'shared'),
      own + shared,
    );
    assert.equal(aboutWeight(about, 0, []), 0);
  });

  it("buildDescriptions: one document per symptom, its totals per field the sum of its words' weights; title words in order, each once", () => {
    const d = buildDescriptions(kbOf([...kb.articles, described('c', 'Room room list', 'Room lists are empty')]));
    assert.deepEqual(
      d.docs.map((x) => [x.article, x.symptom]),
      [
        [0, 'main'],
        [1, 'main'],
        [2, 'main'],
      ],
    );
    const sum = (words: string[]) => words.reduce((total, t) => total + d.idf.get(t)!, 0);
    // Title, keywords, symptom description, cause (the helper's cause "c" is one letter: no word), step names (never in totals).
    assert.deepEqual([...d.docs[0].totals], [sum(['room', 'mailbox', 'calendar']), 0, sum(['meetings', 'declined']), 0, 0]);
    // A posting is the document times 8 plus the field the word first stands in.
    assert.deepEqual(
      [...d.postings.get('room')!].map((p) => [postingDoc(p), postingField(p)]),
      [
        [0, 0],
        [2, 0],
      ],
    );
    assert.deepEqual([...d.postings.get('declined')!], [0 * 8 + 2]);
    assert.deepEqual(d.titles[2], ['room', 'list']);
    assert.deepEqual(titleWordsNamed(d, 2, new Set(['list', 'room', 'empty']), new Set(['room'])), ['list']);
  });
  it('titlesNamed: a paste that writes a title (almost) whole, in order and close together, or is a title shortened, names its article', () => {
    const kb = kbOf([
      described('a', 'On-premises users not getting emails from the cloud', 'Mail stays away'),
      described('b', 'Room mailbox declines', 'Meetings are declined'),
      described('c', 'Cloud users cannot open their archive mailbox', 'The archive stays closed'),
    ]);
    const d = buildDescriptions(kb);
    const p = DEFAULT_PARAMETERS.descriptions;
    const named = (seq: string[]) => titlesNamed(d, kb, seq, [0, 1, 2], p).map((a) => kb.articles[a].id);
    // The whole title, the generic words too ("not", "getting"), admins' spelling ("prem") and another inflection ("email").
    assert.deepEqual(named(['our', 'prem', 'users', 'not', 'getting', 'email', 'cloud', 'since', 'monday']), ['a']);
    // All but one word of a longer title.
    assert.deepEqual(named(['cloud', 'users', 'cannot', 'open', 'archive', 'at', 'all']), ['c']);
    // The title shortened: every word of the paste but one stands in the title, in its order, half the title or more.
    assert.deepEqual(named(['premises', 'users', 'cannot', 'get', 'emails']), ['a']);
    // Out of order, a title that says a direction between the sides (from the cloud to on-premises users) is not the title;
    // spread over the paste, no title is.
    assert.deepEqual(named(['emails', 'getting', 'not', 'users', 'premises', 'cloud']), []);
    assert.deepEqual(named(['premises', 'x1', 'x2', 'x3', 'users', 'not', 'getting', 'x4', 'x5', 'x6', 'emails', 'cloud']), []);
    // A title of three words is no problem statement of its own.
    assert.deepEqual(named(['room', 'mailbox', 'declines']), []);
    // A long post that holds a few of the title's words is not the title shortened.
    assert.deepEqual(named(['users', 'getting', 'emails', 'cloud', 'after', 'migration', 'weekend', 'batch']), []);
    // Naming more titles than a clarify shows names a family, not a problem.
    const many = kbOf([1, 2, 3, 4].map((i) => described(`t${i}`, 'Users not getting emails from the cloud', `Variant ${i}`)));
    const dm = buildDescriptions(many);
    assert.deepEqual(titlesNamed(dm, many, ['users', 'not', 'getting', 'emails', 'cloud'], [0, 1, 2, 3], p), []);
    assert.deepEqual(titlesNamed(dm, many, ['users', 'not', 'getting', 'emails', 'cloud'], [0, 1, 2], p), [0, 1, 2]);
  });

  it('titlesNamed: every word of a title of six words or more close together in another order names its article, unless it names both sides', () => {
    const kb = kbOf([
      described('keepers', 'Wombat keepers cannot open burrow logs in Koala Hub', 'The logs stay locked'),
      described('plugin', 'Plugin templates for client email', 'Templates fail'),
      described('onprem', 'On-premises keepers see no burrow logs of cloud wombats', 'Logs go missing'),
    ]);
    const d = buildDescriptions(kb);
    const p = DEFAULT_PARAMETERS.descriptions;
    const moved = new Set<number>();
    const named = (text: string) => {
      moved.clear();
      return titlesNamed(d, kb, proseTerms(text), [0, 1, 2], p, moved).map((a) => kb.articles[a].id + (moved.has(a) ? ' (moved)' : ''));
    };
    // The same words in two orders: the title's place moved to the front, or between subject and verb (German order).
    assert.deepEqual(named('Wombat keepers cannot open burrow logs in Koala Hub'), ['keepers']);
    assert.deepEqual(named('In Koala Hub, wombat keepers cannot open burrow logs'), ['keepers (moved)']);
    assert.deepEqual(named('Wombat keepers in Koala Hub cannot open burrow logs'), ['keepers (moved)']);
    // Not every word: in another order, the whole title or nothing (in order, all but one of a longer title is enough).
    assert.deepEqual(named('Wombat keepers in Koala Hub cannot open burrow files'), []);
    // Spread wider than the title's words and `titleGap` more: scattered words of several sentences are no title.
    assert.deepEqual(named('Wombat keepers asked. Koala Hub was slow today and yesterday. They cannot open burrow logs'), []);
    // A short title's few words meet in a story's sentence by chance: in order only.
    assert.deepEqual(named('Plugin templates for client email'), ['plugin']);
    assert.deepEqual(named('A client sending email from plugin templates'), []);
    // A title that names both sides: the order of its words says which is which (the other way round is another problem).
    assert.deepEqual(named('On-premises keepers see no burrow logs of cloud wombats'), ['onprem']);
    assert.deepEqual(named('Cloud keepers see no burrow logs of on-premises wombats'), []);
  });

  it('"out of office" (and OOF, OOO) is one word on both sides, not the "office" of Office 365', () => {
    const kb = kbOf([
      described('oof', 'Out-of-office replies go missing', 'Senders get no automatic reply'),
      described('o365', 'Office 365 replies go missing', 'Replies from Office 365 never arrive'),
    ]);
    const d = buildDescriptions(kb);
    assert.ok(d.idf.has('outofoffice'));
    assert.deepEqual([...d.postings.get('office')!].map(postingDoc), [1]);
    const terms = (text: string) => [...withPhrases(new Set(['office', 'replies']), text)].sort();
    assert.deepEqual(terms('out of office replies'), ['outofoffice', 'replies']);
    assert.deepEqual(terms('OOF replies'), ['outofoffice', 'replies']);
    // An "office" of its own stays.
    assert.deepEqual(terms('Out of Office replies in Office 365'), ['office', 'outofoffice', 'replies']);
    assert.deepEqual(terms('Office replies'), ['office', 'replies']);
    const fits = scoreDescriptions(
      d,
      withPhrases(new Set(['office', 'replies']), 'our out of office replies'),
      DEFAULT_PARAMETERS.descriptions,
    );
    assert.deepEqual(
      fits.map((f) => [kb.articles[f.article].id, f.found]),
      [
        ['oof', ['replies', 'outofoffice']],
        ['o365', ['replies']],
      ],
    );
  });

  it('"automatic replies" (auto-reply, autoreply) is the same feature as "out of office": one word with it on both sides', () => {
    const kb = kbOf([
      described('auto', 'Automatic replies are not sent to external senders', 'External senders get nothing back'),
      described('ext', 'Messages to external senders are not sent', 'Mail to external senders stays in the outbox'),
    ]);
    const d = buildDescriptions(kb);
    assert.deepEqual(proseTerms('Automatic replies are not sent'), ['outofoffice', 'not', 'sent']);
    const terms = (text: string) => [...withPhrases(new Set(['sent']), text)].sort();
    assert.deepEqual(terms('auto-reply not sent'), ['outofoffice', 'sent']);
    assert.deepEqual(terms('autoreply not sent'), ['outofoffice', 'sent']);
    assert.deepEqual(terms('automatic reply not sent'), ['outofoffice', 'sent']);
    const fits = scoreDescriptions(
      d,
      withPhrases(new Set(['external', 'senders', 'sent']), 'OOF not sent to external senders'),
      DEFAULT_PARAMETERS.descriptions,
    );
    assert.deepEqual(
      fits.map((f) => [kb.articles[f.article].id, f.found]),
      [
        ['auto', ['external', 'senders', 'sent', 'outofoffice']],
        ['ext', ['external', 'senders', 'sent']],
      ],
    );
  });

  it('impliedTerms: a remote mailbox (in words or as the object type) implies a hybrid deployment, unless the paste says hybrid itself', () => {
    assert.deepEqual(impliedTerms(['groups', 'skip', 'remote', 'mailbox', 'recipients']), ['hybrid']);
    assert.deepEqual(impliedTerms(['remote', 'user', 'mailboxes']), ['hybrid']);
    assert.deepEqual(impliedTerms(['enable', 'remotemailbox', 'failed']), ['hybrid']);
    assert.deepEqual(impliedTerms(['remoteroutingaddress', 'missing']), ['hybrid']);
    assert.deepEqual(impliedTerms(['remote', 'mailbox', 'hybrid']), []);
    // Remote words that name no recipient object imply nothing.
    assert.deepEqual(impliedTerms(['remote', 'server', 'mailbox']), []);
  });

  it('a description naming a remote mailbox fits the hybrid article of a shared symptom better than its twin', () => {
    const d = buildDescriptions(
      kbOf([
        described('plain', 'Dynamic distribution group members miss mail', 'Members of a dynamic distribution group get no mail'),
        described(
          'hybrid',
          'Dynamic distribution group members miss mail in a hybrid deployment',
          'Members of a dynamic distribution group get no mail',
        ),
        described('other', 'Room mailbox calendar', 'Meetings in a room mailbox are declined'),
      ]),
    );
    const paste = ['dynamic', 'distribution', 'group', 'ignores', 'remote', 'mailbox', 'recipients'];
    const best = (terms: string[]) => scoreDescriptions(d, new Set(terms), DEFAULT_PARAMETERS.descriptions)[0].article;
    assert.equal(best(paste), 0);
    assert.equal(best([...paste, ...impliedTerms(paste)]), 1);
  });
});
