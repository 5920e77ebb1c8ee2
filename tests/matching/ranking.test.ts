import assert from 'node:assert/strict';
import type { Article } from '../../src/knowledge/types';
import { Matcher } from '../../src/matching/matcher';
import { DEFAULT_PARAMETERS, type MatchParameters } from '../../src/matching/parameters';
import { aboutWeight, buildAbout } from '../../src/matching/descriptions';
import type { MatchContext, Ranked } from '../../src/matching/hits';
import { aboutRest, idOrder } from '../../src/matching/ranking';
import type { QueryView } from '../../src/matching/score';
import { includesId } from '../../src/matching/sorted';
import type { MatchResult } from '../../src/matching/types';
import {
  describedArticle,
  englishArticle as article,
  FAMILY_ERROR,
  familyOfThree,
  kbOf,
  nearTwinPair,
  PROXY_CONTEST,
  proxyContest,
  TWIN_ERRORS,
} from '../helpers/articles';

/**
 * ranking.ts on small hand-made articles: the rules whose conditions the stage tests (stages.test.ts, family.test.ts,
 * innerHolder.test.ts) left unpinned — a container's own floor, the notes of innerOnly and nearTwins, what a family of near
 * twins does to the matches after it, and the id order of equal scores where code units and localeCompare disagree.
 */

const listed = (r: MatchResult) => r.matches.map((x) => [x.article, x.score]);
const notes = (r: MatchResult, k: number, rule: string) => r.matches[k].why!.rules.filter((x) => x.rule === rule).map((x) => x.note);

describe('matching/ranking: idOrder', () => {
  it('places ids in localeCompare order where code-unit order disagrees, ids that compare equal in one place', () => {
    // Code units put `A` before `a`; localeCompare puts the lower case first.
    assert.deepEqual([...idOrder(['b', 'A', 'a'])], [2, 1, 0]);
    // A precomposed `é` and `e` with a combining accent compare equal: one place, the next id after both.
    assert.deepEqual([...idOrder(['é', 'e\u0301', 'a'])], [1, 1, 0]);
    assert.deepEqual([...idOrder(['c', 'a', 'b'])], [2, 0, 1]);
  });
});

describe('matching/ranking: a container lowers what lies inside it only from ranking.containerFrom', () => {
  const LONG = 'The wombat relay refused the quokka message because the numbat gateway was offline';
  let articles: Article[];
  beforeEach(() => {
    articles = [
      article('long', [LONG]),
      article('short', ['The wombat relay refused the quokka message']),
      article('far', ['Replication of the marmot database copy failed.']),
    ];
  });
  const withFrom = (containerFrom: number, containerWindow = DEFAULT_PARAMETERS.ranking.containerWindow): MatchParameters => ({
    ...DEFAULT_PARAMETERS,
    ranking: { ...DEFAULT_PARAMETERS.ranking, containerFrom, containerWindow },
  });

  it('lowers the short error below the long one that holds it, the long one scoring exactly containerFrom', () => {
    const r = new Matcher(kbOf(articles), withFrom(1)).match(LONG, { explain: true });
    assert.deepEqual(listed(r), [
      ['long', 1],
      ['short', 0.9],
    ]);
    assert.deepEqual(notes(r, 1, 'container'), ['lowered to 0.9: every word it found lies inside what long found']);
  });

  it('counts a container that scores exactly containerWindow below the match (here both score 1: a window of 0)', () => {
    const r = new Matcher(kbOf(articles), withFrom(1, 0)).match(LONG);
    assert.deepEqual(listed(r), [['long', 1]]);
    const explained = new Matcher(kbOf(articles), withFrom(1, 0)).match(LONG, { explain: true });
    assert.deepEqual(listed(explained)[1], ['short', 0.9]);
  });

  it('leaves it alone where the container scores below containerFrom', () => {
    const r = new Matcher(kbOf(articles), withFrom(1.01)).match(LONG, { explain: true });
    assert.deepEqual(listed(r), [
      ['long', 1],
      ['short', 1],
    ]);
    assert.deepEqual(notes(r, 1, 'container'), []);
  });
});

describe('matching/ranking: a match inside a container that fit its own error better contests it', () => {
  const { pasted } = PROXY_CONTEST;
  /** rules.test.ts's contested container (folder-sync) and the match inside it (address-conflict), with `extra` articles. */
  const kb = (conflict: Partial<Article> = {}, extra: Article[] = []) => kbOf(proxyContest(conflict, extra));

  it('only where that match scores as much as the container: capped below it (another product), it contests nothing', () => {
    const contested = new Matcher(kb()).match(pasted, { explain: true });
    assert.deepEqual([contested.decision, ...listed(contested)], ['clarify', ['folder-sync', 0.869], ['address-conflict', 0.769]]);
    assert.deepEqual(notes(contested, 0, 'container'), [
      'contested: a match it contains fit its own error better (0.881), so it must lead that score too to be answered',
    ]);
    // Capped at 0.75 for the other product, it still fits its own error better (0.881), yet scores below the container's 0.869.
    const capped = new Matcher(kb({ products: [{ name: 'Exchange Online', versions: [] }] })).match(
      `Exchange Server 2019 CU14\n${pasted}`,
      { explain: true },
    );
    assert.deepEqual([capped.decision, ...listed(capped)], ['answer', ['folder-sync', 0.869], ['address-conflict', 0.75]]);
    assert.deepEqual(notes(capped, 0, 'container'), []);
  });

  it('by the best-scoring of the matches inside it, not the last one', () => {
    // `choose` lies inside the container too and fits its own short text whole, but a generic line's cap scores it 0.75,
    // below address-conflict's 0.871, which came up before it.
    const r = new Matcher(kb({}, [article('choose', ['Please choose another proxy address.'])])).match(pasted, { explain: true });
    assert.deepEqual(r.matches[0].article, 'folder-sync');
    assert.deepEqual(notes(r, 0, 'container'), [
      'contested: a match it contains fit its own error better (0.871), so it must lead that score too to be answered',
    ]);
  });
});

/**
 * innerOnly's holder rule: two errors wrapping the same inner message, the paste holding one's own outer part while that one
 * ranks below for another reason. Capped for the other product or a scenario it would drag the other down with it
 * (errorCaps.ts capInsideCapped); capped as another program's report (foreignProgram.ts) it does not: `release` names no
 * program, `provision`'s cause names a script, and a Python traceback printed the paste.
 */
const INNER =
  'Detailed information: "An unexpected result was received from Walrus Live. Detailed information: "1007 PonyDenied: Access Denied.".".';
const RELEASED = `The pony URI "contoso.com" for the llama farm couldn't be released. ${INNER}`;
const PROVISIONED = `Set-PonyIdentifier: An error occurred while attempting to provision the stable to the partner gateway. ${INNER}`;
/** Printed by a Python program: `release`, which names none, is capped at 0.75 (score.foreignProgram). */
const PYTHON = 'Traceback (most recent call last):\n  File "/opt/farm/sync.py", line 12, in run\n';
const innerArticles = (): Article[] => [
  article('release', [RELEASED]),
  article('provision', [PROVISIONED], { cause: { en: 'The script that provisions the stable runs without the right role.' } }),
  ...['yak', 'gnu', 'ibex', 'okapi'].map((a) => article(a, [`The ${a} server stopped the ${a} feed.`])),
];

describe('matching/ranking: innerOnly explains why the article whose own part the paste holds goes first', () => {
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(kbOf(innerArticles()));
  });

  it('puts it first, notes on the leader it put second that it shares only the inner message, and the score it was capped at', () => {
    const r = m.match(`${PYTHON}${RELEASED}`, { explain: true });
    assert.equal(r.decision, 'clarify');
    assert.deepEqual(listed(r).slice(0, 2), [
      ['release', 0.75],
      ['provision', 0.75],
    ]);
    assert.deepEqual(notes(r, 1, 'inner-message').slice(-1), [
      'shares only its inner message with release, whose own part the paste holds: that error, capped at 0.75 (offered, not answered)',
    ]);
    assert.deepEqual(notes(r, 0, 'inner-message').slice(-1), [
      'shares only its inner message with provision, whose own part the paste lacks: not the same error',
    ]);
  });

  it('leaves each error pasted whole to its own article where nothing caps it, and the leader first where the holder is not capped', () => {
    assert.deepEqual(listed(m.match(RELEASED)).slice(0, 1), [['release', 1]]);
    const r = m.match(`${PYTHON}${PROVISIONED}`);
    assert.deepEqual([r.decision, ...listed(r).slice(0, 1)], ['answer', ['provision', 1]]);
  });
});

describe('matching/ranking: innerOnly — when the article below holds its own part', () => {
  const order = (text: string, params: MatchParameters = DEFAULT_PARAMETERS) => {
    const r = new Matcher(kbOf(innerArticles()), params).match(text, { explain: true });
    return [r.decision, ...listed(r).slice(0, 2)];
  };
  const ownWords = (n: number): MatchParameters => ({
    ...DEFAULT_PARAMETERS,
    score: { ...DEFAULT_PARAMETERS.score, otherOuter: { ...DEFAULT_PARAMETERS.score.otherOuter, ownWords: n } },
  });
  const candidate = (c: number): MatchParameters => ({ ...DEFAULT_PARAMETERS, decision: { ...DEFAULT_PARAMETERS.decision, candidate: c } });

  it('needs score.otherOuter.ownWords words of it that the leader lacks (here 4: llama, farm, couldn’t, released)', () => {
    const four = `${PYTHON}The llama farm couldn't be released. ${INNER}`;
    assert.deepEqual(order(four, ownWords(4)), ['clarify', ['release', 0.75], ['provision', 0.75]]);
    assert.deepEqual(order(four, ownWords(5))[1], ['provision', 0.843]);
    // Two of its own words (llama, farm) and another ending: provision, sharing only the inner message, is still answered.
    assert.deepEqual(order(`${PYTHON}The llama farm failed. ${INNER}`), ['answer', ['provision', 0.843], ['release', 0.457]]);
  });

  it('needs it to score at least decision.candidate (it may be offered itself)', () => {
    assert.deepEqual(order(`${PYTHON}${RELEASED}`, candidate(0.75)), ['clarify', ['release', 0.75], ['provision', 0.75]]);
    assert.deepEqual(order(`${PYTHON}${RELEASED}`, candidate(0.76))[1], ['provision', 0.843]);
  });
});

describe('matching/ranking: nearTwins', () => {
  const { short } = TWIN_ERRORS;
  const third = 'The gnu feeder rejected the okapi batch because the tapir queue was full';
  let m: Matcher;
  beforeEach(() => {
    // `tapir`'s id after the twins': on an equal score, the twins lead.
    m = new Matcher(kbOf(nearTwinPair([article('tapir', [third])])));
  });

  it('puts the twin whose title the rest of the paste names first, and notes that on it alone', () => {
    const r = m.match(`The gateway requires zebra encryption since Monday. ${short}`, { explain: true });
    assert.equal(r.decision, 'answer');
    assert.deepEqual(listed(r), [
      ['encryption', 1],
      ['setup', 1],
    ]);
    assert.deepEqual(notes(r, 0, 'tie-break'), [
      'put first among near twins (setup): the rest of the paste fits its title and descriptions best (4.828)',
    ]);
    assert.deepEqual(notes(r, 1, 'tie-break'), []);
  });

  it('caps what ranks after a family of twins at the family cap, and leaves what scores below it', () => {
    // Explaining, so that what scores below an answer is listed too.
    const whole = m.match(`${short}\n${third}`, { explain: true });
    assert.equal(whole.decision, 'clarify');
    assert.deepEqual(listed(whole), [
      ['setup', 0.75],
      ['encryption', 0.75],
      ['tapir', 0.75],
    ]);
    assert.deepEqual(listed(m.match(short, { explain: true })), [
      ['setup', 0.75],
      ['encryption', 0.75],
    ]);
    assert.deepEqual(listed(m.match(`${short}\nThe gnu feeder rejected the okapi batch`, { explain: true })), [
      ['setup', 0.75],
      ['encryption', 0.75],
      ['tapir', 0.533],
    ]);
  });
});

describe("matching/ranking: equal scores of a status code's family go by how much of each title the paste names", () => {
  const LIMIT = '432 4.3.2 STOREDRV.WombatSubmit; sender thread limit exceeded';
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(
      kbOf([
        article('alpha', [LIMIT, '550 5.1.97 Widget unknown', '550 5.7.98 Widget refused'], {
          title: { en: 'Sprocket non-delivery reports' },
        }),
        article('beta', [LIMIT], { title: { en: 'Changes in widget store for Exchange Online' } }),
        article('far', ['Replication of the quokka database copy failed.']),
      ]),
    );
  });

  it("puts the member whose title names the paste's message first, ahead of the id order", () => {
    // Another reply code than the texts' (421, not 432): both are the code's family, offered at one score.
    assert.deepEqual(listed(m.match('Deferred: 421 4.3.2 Widget thread limit exceeded.', { explain: true })), [
      ['beta', 0.5],
      ['alpha', 0.5],
    ]);
    assert.deepEqual(listed(m.match('Deferred: 421 4.3.2 Sprocket thread limit exceeded.', { explain: true })), [
      ['alpha', 0.5],
      ['beta', 0.5],
    ]);
  });
});

describe('matching/ranking: breakTies — who ties with the leader', () => {
  const error = "The operation couldn't be performed because yak 'x' couldn't be found on 'pony.example.net'.";
  let articles: Article[];
  beforeEach(() => {
    articles = [
      article('export', [error], { title: { en: 'Exporting a walrus archive fails for the target llama' } }),
      article('away', [error], { title: { en: 'Quokka replies cannot be set in the browser' } }),
      article('members', [error], { title: { en: 'Narwhal lists miss members across forests' } }),
      article('other', ['Unrelated zebra text about the zoo.']),
      describedArticle('kw', 'Gnu feeder stalls', 'The gnu feeder stalls.', {}, { keywords: { en: ['tapir feeder stall'] } }),
    ];
  });
  const withTie = (tie: number): MatchParameters => ({ ...DEFAULT_PARAMETERS, ranking: { ...DEFAULT_PARAMETERS.ranking, tie } });

  it('ties a match exactly `ranking.tie` below the leader: with a tie of 0, the three articles scoring 1 are a family', () => {
    const r = new Matcher(kbOf(articles), withTie(0)).match(error);
    assert.equal(r.decision, 'clarify');
    assert.deepEqual(listed(r), [
      ['away', 0.75],
      ['export', 0.75],
      ['members', 0.75],
    ]);
  });

  it('leaves out a match of no error text within the window (a keyword hit has no error to share)', () => {
    const r = new Matcher(kbOf(articles), withTie(0.5)).match(`${error}\ntapir feeder stall`, { explain: true });
    assert.equal(r.decision, 'clarify');
    assert.deepEqual(listed(r), [
      ['away', 0.75],
      ['export', 0.75],
      ['members', 0.75],
      ['kw', 0.55],
    ]);
  });
});

describe('matching/ranking: breakTies — the order inside the tied group', () => {
  const inner = "Detailed information: The yak 'x' couldn't be found on 'pony.example.net'.";
  const pasted = `The walrus export failed. ${inner}`;
  let m: Matcher;
  beforeEach(() => {
    // Three errors around one inner message: tied within a window of 0.4 (alpha 1, beta 0.878, gamma 0.847).
    m = new Matcher(
      kbOf([
        article('alpha', [`The walrus export failed. ${inner}`], { title: { en: 'Exporting a walrus archive fails' } }),
        article('beta', [`The quokka reply failed. ${inner}`], { title: { en: 'Quokka replies in the narwhal browser' } }),
        article('gamma', [`The gnu member list failed. ${inner}`], { title: { en: 'Gnu lists miss members' } }),
        article('other', ['Unrelated zebra text about the zoo.']),
      ]),
      { ...DEFAULT_PARAMETERS, ranking: { ...DEFAULT_PARAMETERS.ranking, tie: 0.4 } },
    );
  });

  it('gives the one put first the best score of the group, and the others their own', () => {
    const r = m.match(`narwhal browser: ${pasted}`, { explain: true });
    assert.deepEqual(listed(r), [
      ['beta', 1],
      ['alpha', 1],
      ['gamma', 0.847],
    ]);
    assert.deepEqual(notes(r, 0, 'tie-break'), [
      'tied on the same error with 2 other article(s); title and description words of the rest of the paste: 3.219',
    ]);
  });

  it("notes a family without the shared-words clause where no word was taken off the first one's fit", () => {
    const r = m.match(pasted, { explain: true });
    assert.deepEqual(notes(r, 0, 'tie-break'), [
      "tied on the same error with 2 other article(s); title and description words of the rest of the paste: 0; that names no word of the first one's title and descriptions that at most a quarter of the articles use (below 1.609): the error of a family of 3 articles, capped at 0.75 (offered, not answered)",
    ]);
  });
});

describe('matching/ranking: breakTies — what ranks after a family', () => {
  const error = FAMILY_ERROR;
  const third = 'The gnu feeder rejected the okapi batch because the tapir queue was full';
  let m: Matcher;
  beforeEach(() => {
    // `tapir`'s id after the family's: on an equal score, the family leads.
    m = new Matcher(kbOf(familyOfThree([article('tapir', [third])])));
  });

  it('stays listed after it, capped at the family cap, and what scores below the cap keeps its score', () => {
    const whole = m.match(`${error}\n${third}`, { explain: true });
    assert.equal(whole.decision, 'clarify');
    assert.deepEqual(listed(whole), [
      ['away', 0.75],
      ['export', 0.75],
      ['members', 0.75],
      ['tapir', 0.75],
    ]);
    assert.deepEqual(listed(m.match(`${error}\nThe gnu feeder rejected the okapi batch`, { explain: true })).at(-1), ['tapir', 0.602]);
  });
});

describe('matching/ranking: nearTwins passes over a match of no error text', () => {
  const short = 'The connection to the walrus pony is unavailable. The llama must be online to complete this quokka action.';
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(
      kbOf([
        article('setup', [short], { title: { en: 'Setting up a narwhal profile in the cloud fails' } }),
        article('other', ['Unrelated yak text about the zoo.']),
        describedArticle(
          'calendar',
          'Wombat calendar sharing stops working',
          'Free/busy of wombat mailboxes is not shown',
          { keywords: { en: ['wombat sharing policy'] } },
          { id: 'blank', keywords: { en: ['wombat calendar blank'] } },
        ),
      ]),
    );
  });

  it('a keyword hit scoring above the twins’ floor (0.83) is no twin of the error answered', () => {
    const r = m.match(`${short}\nwombat calendar blank, wombat sharing policy`, { explain: true });
    assert.deepEqual([r.decision, ...listed(r)], ['answer', ['setup', 1], ['calendar', 0.83]]);
  });
});

describe('matching/ranking: aboutRest reads the words of a paste once, and weighs them as aboutWeight does', () => {
  const kb = kbOf([
    describedArticle('a', 'Room mailbox calendar', 'Meetings in a room mailbox are declined'),
    describedArticle('b', 'Shared mailbox permissions', 'Delegates of a shared mailbox lose access'),
  ]);
  // The error texts' vocabulary: ids of some of the words (`found` holds ids of it), one the about index lacks.
  const vocab = new Map(['mailbox', 'room', 'delegates', 'walrus'].map((t, id) => [t, id]));
  const contextOf = (about: ReturnType<typeof buildAbout>) => ({ about, index: { vocab: { ids: vocab } } }) as unknown as MatchContext;
  const rankedOf = (article: number, found?: number[]) =>
    ({ hit: found ? { kind: 'error', article, found: Int32Array.from(found) } : { kind: 'keyword', article } }) as unknown as Ranked;
  const view = { terms: new Set(['shared', 'walrus', 'mailbox', 'room', 'declined', 'delegates', 'unknown']) } as unknown as QueryView;

  it('gives, per match, the sum aboutWeight gives without the words its error text found', () => {
    const ctx = contextOf(buildAbout(kb));
    for (const article of [0, 1])
      for (const found of [undefined, [], [0], [1, 2], [0, 1, 2, 3]]) {
        const expected = aboutWeight(ctx.about, article, view.terms, found && ((t) => includesId(Int32Array.from(found), vocab.get(t))));
        assert.equal(aboutRest(ctx, rankedOf(article, found), view), expected, `${article} ${found}`);
      }
  });

  it("reads the same paste's words again for another matcher's articles", () => {
    const one = contextOf(buildAbout(kb));
    const other = contextOf(buildAbout(kbOf([describedArticle('c', 'Walrus export', 'The shared walrus export is declined')])));
    assert.equal(aboutRest(one, rankedOf(0), view), aboutWeight(one.about, 0, view.terms));
    assert.equal(aboutRest(other, rankedOf(0), view), aboutWeight(other.about, 0, view.terms));
    assert.ok(aboutRest(other, rankedOf(0), view) > 0);
  });
});
