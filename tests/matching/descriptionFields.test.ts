import assert from 'node:assert/strict';
import type { KnowledgeBase } from '../../src/knowledge/load';
import type { Article } from '../../src/knowledge/types';
import {
  addPairs,
  articlesHolding,
  articlesNaming,
  buildDescriptions,
  descriptionTerm,
  descriptionTerms,
  describedWhole,
  inflectionKey,
  namedParts,
  offeredDescriptions,
  proseTerms,
  scoreDescriptions,
  stepNames,
  titleWeight,
  weakDescriptions,
  wordsBeyondErrors,
  type DescriptionScore,
} from '../../src/matching/descriptions';
import { Matcher } from '../../src/matching/matcher';
import { DEFAULT_PARAMETERS } from '../../src/matching/parameters';
import { describedArticle, englishArticle, kbOf, LAST_RESORT, proseArticle, proseTrio } from '../helpers/articles';

/** The description index (descriptions.ts) on small hand-made articles: fields, generic words, spellings, word pairs, long posts. */

const prose = proseArticle;
const ids = (kb: KnowledgeBase, fits: DescriptionScore[]) => fits.map((f) => kb.articles[f.article].id);
const p = DEFAULT_PARAMETERS.descriptions;
/** Two articles that hold a test article's common words (`shared mailbox`), so only its own words are distinctive. */
const sharedMailboxNeighbours = (): Article[] => [
  prose('colours', 'Calendar colours of a shared mailbox', 'Colours look odd.', 'z'),
  prose('rooms', 'Room list of a shared mailbox', 'Rooms are missing.', 'z'),
];

describe('matching: descriptions by field (descriptions.ts)', () => {
  it('reads prose like a paste: SMTP codes whole, "can\'t" as "cannot", "on-prem" as "premises"; generic words and short numbers say nothing', () => {
    const text = "I get the following error message: 550 5.6.11 for on-prem users in PowerShell 5.1, they can't send";
    assert.deepEqual(proseTerms(text), [
      'get',
      'following',
      'error',
      'message',
      '550',
      'smtp5x6x11',
      'premises',
      'users',
      'powershell',
      '5',
      '1',
      'cannot',
      'send',
    ]);
    assert.deepEqual(descriptionTerms(text), ['550', 'smtp5x6x11', 'premises', 'users', 'powershell', 'cannot', 'send']);
    assert.equal(descriptionTerm('following'), undefined);
    assert.equal(descriptionTerm('12'), undefined);
    assert.equal(descriptionTerm('550'), '550');
    // The German function words the lexicon leaves as written say as little as their English counterparts.
    assert.deepEqual(
      descriptionTerms('Wer eine Mailbox über das Attribut verbindet, sieht alle als privat markierten Mails nach dem Update'),
      ['mailbox', 'attribut', 'verbindet', 'sieht', 'privat', 'markierten', 'mails', 'update'],
    );
    assert.equal(descriptionTerm('onprem'), 'premises');
    assert.equal(descriptionTerm('wombat'), 'wombat');
  });

  const fields = kbOf([
    prose('in-title', 'Wombat relay stalls', 'Messages wait in a queue.', 'A timer is wrong.'),
    prose('in-symptom', 'Queue stalls', 'The wombat relay waits.', 'A timer is wrong.'),
    prose('in-cause', 'Queue stalls', 'Messages wait.', 'The wombat relay has a wrong timer.'),
    prose('other', 'Calendar colours', 'Colours look odd, see the following error.', 'A theme.'),
  ]);
  let index: ReturnType<typeof buildDescriptions>;
  beforeEach(() => {
    index = buildDescriptions(fields);
  });

  it('weighs a word by how few articles use it times its field: title 1, symptom 0.8, cause 0.6', () => {
    // IDF over articles: three of four articles hold "wombat".
    const idf = Math.log(1 + 4 / 3);
    assert.equal(index.idf.get('wombat'), idf);
    const fits = scoreDescriptions(index, new Set(['wombat']), p);
    assert.deepEqual(ids(fields, fits).sort(), ['in-cause', 'in-symptom', 'in-title']);
    const evidence = (id: string) => fits.find((f) => fields.articles[f.article].id === id)!.evidence * Math.log(1 + 4);
    assert.ok(Math.abs(evidence('in-title') - idf) < 1e-9);
    assert.ok(Math.abs(evidence('in-symptom') - 0.8 * idf) < 1e-9);
    assert.ok(Math.abs(evidence('in-cause') - 0.6 * idf) < 1e-9);
    // Other weights, other evidence: the weights are parameters, not part of the index.
    const flat = scoreDescriptions(index, new Set(['wombat']), { ...p, fields: { title: 1, keywords: 1, symptom: 1, cause: 1, steps: 1 } });
    for (const f of flat) assert.ok(Math.abs(f.evidence * Math.log(5) - idf) < 1e-9);
  });

  it('indexes generic words but never scores them; the bridge counts articles without their causes', () => {
    assert.ok(index.postings.has('following'));
    assert.deepEqual(scoreDescriptions(index, new Set(['following', 'error']), p), []);
    assert.equal(articlesHolding(index, ['wombat']), 2, 'in-cause holds it in its cause only');
    assert.equal(articlesHolding(index, ['wombat', 'waits']), 1);
    assert.equal(articlesHolding(index, ['timer']), 0, 'a word of causes only');
    assert.equal(articlesHolding(index, ['following']), 1);
  });

  it('adds word pairs the paste has in the same order ("proxy address"), but not pairs of words every article uses', () => {
    const kb = kbOf([
      prose('second', 'Cannot create a second shared mailbox', 'Creating a shared mailbox with an address of another domain fails.', 'x'),
      prose('proxy', 'Proxy address is already in use', 'Adding a proxy address to a shared mailbox fails.', 'y'),
      ...sharedMailboxNeighbours(),
      prose('photos', 'Photos of a shared mailbox', 'Photos are missing.', 'z'),
    ]);
    const built = buildDescriptions(kb);
    const seq = descriptionTerms('cannot add a second shared mailbox, the proxy address is already in use');
    const words = scoreDescriptions(built, new Set(seq), p);
    const pairs = addPairs(words, built, kb, seq, p);
    const proxy = pairs.find((f) => kb.articles[f.article].id === 'proxy')!;
    assert.ok(proxy.found.includes('proxy address'), 'the pair is named among the words found');
    assert.ok(!proxy.found.includes('shared mailbox'), 'every article says "shared mailbox": no evidence');
    // Pairs only add: each document's evidence is at least what its words gave.
    for (const f of pairs) assert.ok(f.evidence >= words.find((w) => w.doc === f.doc)!.evidence);
    assert.ok(proxy.evidence > words.find((w) => w.doc === proxy.doc)!.evidence);
    // No pair in common, no change.
    const apart = descriptionTerms('address proxy');
    const plain = (fits: DescriptionScore[]) => fits.map((f) => [f.doc, f.pasteShare, f.docShare, f.evidence, f.found]);
    assert.deepEqual(
      plain(addPairs(scoreDescriptions(built, new Set(apart), p), built, kb, apart, p)),
      plain(scoreDescriptions(built, new Set(apart), p)),
    );
  });

  it('reads a pair the lexicon wrote word for word in either order (German puts the participle last), a pair kept as pasted in its own', () => {
    const kb = kbOf([
      prose('private', 'Private items are not shown in a shared mailbox', 'Items marked private are hidden.', 'x'),
      ...sharedMailboxNeighbours(),
    ]);
    const built = buildDescriptions(kb);
    // `als privat markierte Elemente`, read word for word: `private marked items`.
    const seq = descriptionTerms('the mailbox hides private marked items');
    const words = scoreDescriptions(built, new Set(seq), p);
    const fit = (translated: ReadonlySet<string>) =>
      addPairs(words, built, kb, seq, p, translated).find((f) => kb.articles[f.article].id === 'private')!;
    const read = fit(new Set(['private', 'marked', 'items']));
    assert.ok(read.found.includes('marked private'), read.found.join(', '));
    assert.ok(read.evidence > words.find((w) => w.doc === read.doc)!.evidence);
    // The same words written so by the admin (an English term in a German sentence) keep their own order.
    assert.ok(!fit(new Set()).found.includes('marked private'));
    assert.ok(!fit(new Set(['private'])).found.includes('marked private'), "both words must be the lexicon's");
  });

  it("reads the pairs a translation sets side by side (a German sentence's verb with its object), which the words' order lacks", () => {
    const kb = kbOf([prose('share', 'Cannot share the calendar of another mailbox', 'Sharing fails.', 'x'), ...sharedMailboxNeighbours()]);
    const built = buildDescriptions(kb);
    // `Ich kann den Kalender eines anderen Postfachs nicht freigeben`, read word for word.
    const seq = descriptionTerms('calendar another mailbox cannot share');
    const words = scoreDescriptions(built, new Set(seq), p);
    const fit = (pairs?: string[]) =>
      addPairs(words, built, kb, seq, p, Object.assign(new Set(seq), { pairs })).find((f) => kb.articles[f.article].id === 'share')!;
    assert.ok(!fit().found.includes('share calendar'));
    const read = fit(['calendar share', 'share calendar']);
    assert.ok(read.found.includes('share calendar'), read.found.join(', '));
    assert.ok(read.evidence > fit().evidence);
  });

  it('reads a German plural the lexicon wrote in its one English form in the plural too, in its pairs (`security groups`)', () => {
    const kb = kbOf([
      prose('synced', 'Security groups are not synced to the cloud', 'Groups synced from on premises are missing.', 'x'),
      ...sharedMailboxNeighbours(),
    ]);
    const built = buildDescriptions(kb);
    // `Die Sicherheitsgruppen werden nicht in die Cloud synchronisiert`, read word for word, the verb paired with its subject.
    const seq = descriptionTerms('security group not cloud synced');
    const words = scoreDescriptions(built, new Set(seq), p);
    const fit = (plural?: string[][]) =>
      addPairs(words, built, kb, seq, p, Object.assign(new Set(seq), { pairs: ['group synced'], plural })).find(
        (f) => kb.articles[f.article].id === 'synced',
      )!;
    assert.ok(!fit().found.includes('security groups'), 'read as the singular, the pair is not the title’s');
    const read = fit([['security', 'group']]);
    assert.ok(read.found.includes('security groups'), read.found.join(', '));
    assert.ok(read.found.includes('groups synced'), 'beside the sentence’s verb too');
    assert.ok(read.evidence > fit().evidence);
    // A plural of one word (`Gruppen` → `group`) finds its plural beside the verb.
    assert.ok(fit([['group']]).found.includes('groups synced'));
  });

  it('offers on a good fit with enough evidence or two rare words, and a long post on much evidence with two rare words', () => {
    const fit = (article: number, pasteShare: number, docShare: number, evidence: number, rare: number): DescriptionScore => ({
      doc: article,
      article,
      symptom: 'main',
      pasteShare,
      docShare,
      evidence,
      found: [],
      rare,
      rareWords: [],
    });
    const weak = fit(1, 0.1, 0.2, 1, 0);
    // A good fit (0.2 ≥ minFit 0.1) with evidence 2.6 ≥ 2.5, or with less evidence but two rare words (minRare 2).
    assert.equal(offeredDescriptions([fit(0, 0.5, 0.4, 2.6, 0), weak], p, false).length, 1);
    assert.equal(offeredDescriptions([fit(0, 0.5, 0.4, 2.4, 2), weak], p, false).length, 1);
    assert.deepEqual(offeredDescriptions([fit(0, 0.5, 0.4, 2.4, 1), weak], p, false), [], 'evidence 2.4 and one rare word');
    // A long post: fit 0.06 (below minFit, above longFit 0.05), evidence 3.6 ≥ 3.5 and two rare words; lead 3 ≥ 1.4.
    const long = fit(0, 0.2, 0.3, 3.6, 2);
    assert.deepEqual(offeredDescriptions([long, weak], p, false), [long]);
    assert.deepEqual(offeredDescriptions([fit(0, 0.2, 0.3, 3.6, 1), weak], p, false), [], 'one rare word: common words summed up');
    assert.deepEqual(offeredDescriptions([fit(0, 0.2, 0.3, 3.4, 2), weak], p, false), [], 'evidence 3.4 < 3.5');
    assert.deepEqual(offeredDescriptions([fit(0, 0.2, 0.2, 3.6, 2), weak], p, false), [], 'fit 0.04 < 0.05');
    assert.deepEqual(offeredDescriptions([long], p, false), [], 'no other article: every word is "distinctive"');
    // The lead: 1.4 times the best other article's fit.
    assert.deepEqual(offeredDescriptions([long, fit(1, 0.2, 0.21, 1, 0)], p, false), [long], '0.06 / 0.042 = 1.43');
    assert.deepEqual(offeredDescriptions([long, fit(1, 0.2, 0.22, 1, 0)], p, false), [], '0.06 / 0.044 = 1.36');
  });

  it('counts as rare the words held by a share of the articles (rareShare), at least one: two of 700, one of 4', () => {
    const articles = [
      prose('a', 'Wombat relay', 'Numbat queue.', 'x'),
      prose('b', 'Wombat gate', 'Numbat door.', 'x'),
      prose('c', 'Wombat sky', 'Quokka door.', 'x'),
      prose('d', 'Calendar colours', 'Colours look odd.', 'x'),
    ];
    const rareOfA = (kb: KnowledgeBase) =>
      scoreDescriptions(buildDescriptions(kb), new Set(['wombat', 'numbat', 'relay']), p)
        .find((f) => kb.articles[f.article].id === 'a')!
        .rareWords.sort();
    assert.deepEqual(rareOfA(kbOf(articles)), ['relay'], 'of 4 articles: relay (1), not numbat (2 of 4)');
    // 696 more articles about other things: two of 700 articles are 0.3% of them (rareShare 0.003 × 700 = 2.1).
    const filler = Array.from({ length: 696 }, (_, i) => prose(`filler-${i}`, `Filler topic ${i}`, `Item ${i} looks odd.`, 'x'));
    assert.deepEqual(
      rareOfA(kbOf([...articles, ...filler])),
      ['numbat', 'relay'],
      'of 700 articles: numbat (2) and relay (1), not wombat (3)',
    );
  });

  it('finds the article a long prose post describes, and nothing for a question no article is about', () => {
    const kb = kbOf([
      prose(
        'bare-lf',
        'Fix NDR error 550 5.6.11 in Exchange Online',
        'Your message contains bare line feeds and the destination server does not support messages with bare line feeds.',
        'The destination email server rejects messages with bare line feeds.',
      ),
      prose(
        'relay',
        'Relay access denied when sending from a printer',
        'A printer cannot send through the relay.',
        'Relay is not allowed.',
      ),
      prose('large', 'Large messages are rejected', 'Messages larger than the limit bounce.', 'A size limit.'),
      prose('calendar', 'Calendar colours are wrong', 'Colours look odd in the calendar.', 'A theme.'),
    ]);
    const m = new Matcher(kb);
    const r = m.match(
      'I have a client who has been sending emails from a plugin for years. Last week they switched mail providers and now ' +
        'the users are getting undeliverable messages complaining about Bare Line Feeds. Is this something I need to change in my templates?',
    );
    // In four articles the post's known words are mostly this symptom's: it names the symptom and little else (describedWhole).
    assert.deepEqual([r.decision, r.matches[0]?.article], ['answer', 'bare-lf']);
    assert.equal(m.match('how do I export a mailbox to a PST file').decision, 'none');
  });
});

describe('matching: descriptions read inflections as one word, and function words as nothing', () => {
  it('keys a word by its stem: one suffix, a doubled last consonant and a final e dropped', () => {
    const key = (words: string) => words.split(' ').map(inflectionKey);
    assert.deepEqual(key('hang hangs hanging'), ['hang', 'hang', 'hang']);
    assert.deepEqual(key('move moved moves'), ['mov', 'mov', 'mov']);
    assert.deepEqual(key('reply replies replied replying'), ['reply', 'reply', 'reply', 'reply']);
    assert.deepEqual(key('picture pictures sync synced stop stopped mailbox mailboxes'), [
      'pictur',
      'pictur',
      'sync',
      'sync',
      'stop',
      'stop',
      'mailbox',
      'mailbox',
    ]);
    // Words whose end is no suffix, short words, codes and names with digits stay as they are.
    assert.deepEqual(key('status access address ring used smtp5x6x11 hcw8078'), [
      'status',
      'access',
      'address',
      'ring',
      'used',
      'smtp5x6x11',
      'hcw8078',
    ]);
  });

  const kb = kbOf([
    prose('wizard', 'Wizard hangs after a mailbox move', 'The wizard hangs once mailboxes were moved.', 'A stale endpoint.'),
    prose('replies', 'Room mailbox replies are missing', 'Organizers get no replies from the room.', 'Replies are off.'),
    prose('colours', 'Calendar colours are wrong', 'Colours look odd in the calendar, but not in the web app.', 'A theme.'),
    prose('photos', 'Photos are not shown', 'Photos of users are missing through the sync.', 'A size limit.'),
  ]);
  const index = buildDescriptions(kb);
  const fitOf = (text: string, id: string) =>
    scoreDescriptions(index, new Set(descriptionTerms(text)), p).find((f) => kb.articles[f.article].id === id);

  it("finds a word written in another inflection than the article's, and counts a word written twice so once", () => {
    const hang = fitOf('the wizard hang when we move a mailbox', 'wizard')!;
    assert.deepEqual(hang.found, ['wizard', 'hangs', 'move', 'mailbox']);
    assert.deepEqual(fitOf('the room stopped replying to organizers', 'replies')!.found, ['room', 'replies', 'organizers']);
    // "moved" and "move" in one paste are one word of it: the same evidence as "move" alone.
    const once = fitOf('the wizard hangs, mailbox move', 'wizard')!;
    const twice = fitOf('the wizard hangs, mailbox moved, we move them', 'wizard')!;
    assert.equal(twice.evidence, once.evidence);
    assert.equal(twice.pasteShare, once.pasteShare);
  });

  it('never scores function words ("not", "but", "through", "via"): they are no evidence of a problem', () => {
    for (const w of ['not', 'but', 'through', 'via', 'although', 'another', 'only']) assert.equal(descriptionTerm(w), undefined, w);
    assert.deepEqual(scoreDescriptions(index, new Set(['not', 'but', 'through']), p), []);
    // The same description with and without them fits alike.
    const plain = fitOf('photos of users missing', 'photos')!;
    const wordy = fitOf('but photos of users not there, missing only through another way', 'photos')!;
    assert.deepEqual([wordy.pasteShare, wordy.docShare, wordy.evidence], [plain.pasteShare, plain.docShare, plain.evidence]);
  });

  it('finds the article a description names in other inflections, as written it found too little', () => {
    const m = new Matcher(kb);
    const r = m.match('our room mailbox stopped replying to organizers');
    // It names the symptom and little else (describedWhole): answered.
    assert.deepEqual([r.decision, r.matches[0]?.article], ['answer', 'replies']);
  });
});

describe("matching: rare names of an article's fix steps (stepNames, the steps field)", () => {
  const withSteps = (id: string, title: string, description: string, steps: Article['steps']): Article =>
    describedArticle(id, title, description, { steps });

  it('takes the CamelCase names and SMTP status codes of step texts and commands, each once, nothing else', () => {
    const a = withSteps('a', 't', 'd', [
      { text: { en: 'Check msExchRecipientDisplayType, then run the command below. PowerShell may warn.' } },
      {
        text: { en: 'If you get 535 5.7.139, the CASMailbox setting is off.' },
        commands: [{ shell: 'powershell', code: 'Set-OrganizationConfig -ACLableSyncedObjectEnabled $True -Wombat 1' }],
      },
    ]);
    // A cmdlet's noun is a name too (`OrganizationConfig`): a paste splits `Set-OrganizationConfig` the same way.
    assert.deepEqual(stepNames(a), [
      'msexchrecipientdisplaytype',
      'powershell',
      'smtp5x7x139',
      'casmailbox',
      'organizationconfig',
      'aclablesyncedobjectenabled',
    ]);
  });

  const kb = kbOf([
    withSteps('aclable', 'Remote mailbox users are not ACLable', 'Permissions of remote mailboxes fail.', [
      { text: { en: 'Set ACLableSyncedObjectEnabled and check msExchRecipientDisplayType.' } },
    ]),
    withSteps('perms', 'Permissions of remote mailboxes', 'Remote mailbox permissions are missing.', [{ text: { en: 'Run it.' } }]),
    withSteps('colours', 'Calendar colours', 'Colours look odd.', [{ text: { en: 'Reset the ColourScheme in PowerShell.' } }]),
    withSteps('rooms', 'Room lists', 'Rooms are missing.', [{ text: { en: 'Use PowerShell and the ColourScheme.' } }]),
    withSteps('photos', 'Photos', 'Photos are missing.', [{ text: { en: 'Use PowerShell.' } }]),
  ]);

  it("indexes a name that at most two articles' steps use, after the other fields, and never leaves it out of a paste's share", () => {
    const index = buildDescriptions(kb);
    assert.ok(index.postings.has('aclablesyncedobjectenabled'));
    assert.ok(index.postings.has('colourscheme'), 'two articles use it');
    assert.ok(!index.postings.has('powershell'), 'three articles use it: a name every fix uses says nothing');
    assert.equal(buildDescriptions(kb, 1).postings.has('colourscheme'), false, 'stepArticles 1');
    const plain = scoreDescriptions(index, new Set(['remote', 'mailbox', 'permissions']), p);
    const named = scoreDescriptions(index, new Set(['remote', 'mailbox', 'permissions', 'aclablesyncedobjectenabled']), p);
    const of = (fits: DescriptionScore[], id: string) => fits.find((f) => kb.articles[f.article].id === id)!;
    // The name adds half its weight to what the paste found, and nothing to what the document holds: its share only grows.
    const idf = index.idf.get('aclablesyncedobjectenabled')!;
    assert.ok(Math.abs((of(named, 'aclable').evidence - of(plain, 'aclable').evidence) * Math.log(6) - 0.5 * idf) < 1e-9);
    assert.ok(of(named, 'aclable').docShare > of(plain, 'aclable').docShare);
    assert.ok(of(named, 'aclable').found.includes('aclablesyncedobjectenabled'));
    // Never a code of the article's prose (the code stage), nor a word the bridge counts in titles and symptoms.
    assert.deepEqual([...articlesNaming(index, 'aclablesyncedobjectenabled')], []);
    assert.equal(articlesHolding(index, ['aclablesyncedobjectenabled']), 0);
  });

  it('finds the article whose steps name what a description quotes, which its title and symptom alone did not', () => {
    const m = new Matcher(kb);
    const text = 'remote mailbox users: I set ACLableSyncedObjectEnabled but msExchRecipientDisplayType stays';
    // Its names are words of its own, none of them an error text's: it names the symptom and little else (describedWhole).
    assert.deepEqual([m.match(text).decision, m.match(text).matches[0]?.article], ['answer', 'aclable']);
    assert.equal(m.match('I set ACLableSyncedObjectEnabled').decision, 'none', 'one name alone is no description');
  });
});

describe('matching: codes an article names only in its prose (articlesNaming, the code stage)', () => {
  const kb = kbOf([
    englishArticle('titled', ['The wombat relay could not be reached.'], {
      title: { en: 'HCW8110 when the wizard transfers the relay settings' },
      symptoms: [
        { id: 'other', description: { en: 'The relay is slow.' }, errors: {} },
        { id: 'named', description: { en: 'The wizard stops with WombatTimeoutException.' }, errors: {} },
      ],
    }),
    englishArticle('printed', ['Relay failed: HCW8120 the relay refused the transfer.']),
    prose('plain', 'Relay queue stalls', 'Messages wait in the relay queue.', 'A timer is wrong.'),
  ]);

  it('finds the articles whose title, symptom or cause names a code, with the symptom that names it where one does', () => {
    const index = buildDescriptions(kb);
    assert.deepEqual([...articlesNaming(index, 'hcw8110')], [[0, 'other']]);
    assert.deepEqual([...articlesNaming(index, 'wombattimeoutexception')], [[0, 'named']]);
    assert.deepEqual([...articlesNaming(index, 'hcw9999')], []);
  });

  it('offers the article for such a code pasted with little else, never answers it, and never for a code no article names', () => {
    const matcher = new Matcher(kb);
    const r = matcher.match('Setup ended: HCW8110 in the journal of the run');
    assert.equal(r.decision, 'clarify');
    assert.equal(r.matches[0].article, 'titled');
    assert.equal(r.matches[0].score, DEFAULT_PARAMETERS.keywords.code);
    assert.equal(matcher.match('Setup ended: HCW8111 in the journal of the run').decision, 'none');
    // The code an article prints in its error text is found as before.
    assert.equal(matcher.match('the log says HCW8120').matches[0]?.article, 'printed');
  });
});

describe('matching: a description that names the symptom and the cause is answered (namedParts, Matcher causeAlone)', () => {
  const kb = kbOf([
    prose(
      'portraits',
      'Staff portraits never refresh in the cloud',
      'Portraits changed on premises keep the old picture in the cloud.',
      'The portraitblob attribute is copied from the directory a single time; afterwards the cloud owns it.',
    ),
    describedArticle(
      'colours',
      'Calendar colours look odd',
      'Colours of shared calendars change after a restart.',
      { cause: { en: 'A theme cache.' } },
      { keywords: { en: ['picture frame'] } },
    ),
    prose('rooms', 'Room lists are empty', 'The room finder shows no rooms.', 'The room list lacks members.'),
    englishArticle('quota', ['Saving the item failed: the wombat quota is exhausted.'], { title: { en: 'Wombat quota exhausted' } }),
  ]);
  // The cause rule alone: in four articles every described symptom fits well enough for `describedWhole` (tested below).
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(kb, { ...DEFAULT_PARAMETERS, descriptions: { ...p, answerFit: 2 } });
  });
  const top = (text: string) => {
    const r = m.match(text);
    return [r.decision, r.matches[0]?.article, r.matches.length];
  };
  const symptom = 'Staff portraits changed on premises never refresh in the cloud, users keep the old picture.';

  it('namedParts: the weight of the words found in the title, keywords and symptom, and of those only the cause holds', () => {
    const index = buildDescriptions(kb);
    const fit = scoreDescriptions(index, new Set(['portraits', 'refresh', 'portraitblob', 'attribute', 'directory']), p)[0];
    assert.equal(kb.articles[fit.article].id, 'portraits');
    const named = namedParts(index, fit);
    const unique = Math.log(1 + 4);
    // Each word stands in this article only: a weight of one word found in one article only.
    assert.ok(Math.abs(named.symptom - (2 * Math.log(1 + 4)) / unique) < 1e-9, String(named.symptom));
    assert.equal(named.causeWords, 3);
    assert.ok(Math.abs(named.cause - 3) < 1e-9, String(named.cause));
  });

  it('offers a described symptom alone, and answers it when the paste names the cause too', () => {
    assert.deepEqual(top(symptom), ['clarify', 'portraits', 1]);
    assert.deepEqual(top(`${symptom} Is the portraitblob attribute copied from the directory only once?`), ['answer', 'portraits', 1]);
    // One word of the cause is not the cause named.
    assert.deepEqual(top(`${symptom} Is it the portraitblob?`), ['clarify', 'portraits', 1]);
  });

  it('offers it still when another article is offered beside it (a keyword of another article in the paste)', () => {
    const r = m.match(`${symptom} Is the portraitblob attribute copied from the directory only once? It has a picture frame.`);
    assert.equal(r.decision, 'clarify');
    assert.deepEqual(r.matches.map((x) => x.article).sort(), ['colours', 'portraits']);
  });
});

describe('matching: a description that names its symptom and little else, in words of its own, is answered (describedWhole)', () => {
  const ERROR =
    '554 5.2.0 STOREDRV.Deliver.Exception:ObjectNotFoundException.QuokkaNotFound; Failed to process message due to a permanent exception';
  const kb = kbOf([
    // rooms' cause shares a word with the NDR below: another article competes for it.
    ...proseTrio(),
    // Its symptom's prose repeats the first words of its error text, as an NDR article's title does.
    englishArticle('storedrv', [ERROR], {
      title: { en: '"554 5.2.0 STOREDRV.Deliver.Exception" when sending' },
      symptoms: [
        {
          id: 'main',
          description: { en: '554 5.2.0 STOREDRV.Deliver.Exception when sending' },
          errors: { en: [ERROR] },
        },
      ],
    }),
  ]);
  const index = buildDescriptions(kb);
  const fitOf = (text: string) => scoreDescriptions(index, new Set(descriptionTerms(text)), p)[0];
  const described =
    'Staff portraits changed on premises keep the old picture, in the cloud they never refresh (calendar colours are fine).';

  it('weighs the words found that no error text of the article holds, when the fit reaches answerFit', () => {
    const fit = fitOf(described);
    assert.equal(kb.articles[fit.article].id, 'portraits');
    assert.ok(fit.pasteShare * fit.docShare >= p.answerFit, String(fit.pasteShare * fit.docShare));
    // The article has no error text: every word found is its own (each found in this article only: weight 1).
    const own = describedWhole(index, fit, () => [], p);
    assert.ok(own !== undefined && own >= p.answerBeyond, String(own));
    // The same words quoted from an error text are that error's, not a description of the paste's own.
    assert.equal(
      describedWhole(index, fit, () => ['Staff portraits changed on premises keep the old picture in the cloud, never refresh'], p),
      undefined,
    );
    // Below the fit, nothing.
    assert.equal(
      describedWhole(index, fit, () => [], { ...p, answerFit: 0.99 }),
      undefined,
    );
  });

  it('answers from a fit of 0.25 (the shares multiplied), not below it', () => {
    const fit = fitOf(described);
    assert.equal(p.answerFit, 0.25);
    // The same fit with its shares set (the words found kept): the symptom holds half the paste's known words.
    const at = (docShare: number): DescriptionScore =>
      Object.create(fit, { pasteShare: { value: 0.5 }, docShare: { value: docShare } }) as DescriptionScore;
    assert.ok(describedWhole(index, at(0.54), () => [], p) !== undefined, '0.27');
    assert.ok(describedWhole(index, at(0.51), () => [], p) !== undefined, '0.255');
    assert.equal(
      describedWhole(index, at(0.48), () => [], p),
      undefined,
      '0.24',
    );
  });

  it('answers it where other articles compete and nothing else is offered; offers an error quoted with another inner message', () => {
    const m = new Matcher(kb);
    const r = m.match(described);
    assert.deepEqual([r.decision, r.matches[0]?.article], ['answer', 'portraits']);
    // The NDR with another inner message: its words are the error text's (the error path's rules judge it), none of its own.
    const quoted = m.match('554 5.2.0 STOREDRV.Deliver.Exception: Access is denied.');
    assert.notEqual(quoted.decision, 'answer');
    // Without the rule the same description is only offered.
    const off = new Matcher(kb, { ...DEFAULT_PARAMETERS, descriptions: { ...p, answerFit: 2 } });
    assert.deepEqual([off.match(described).decision, off.match(described).matches[0]?.article], ['clarify', 'portraits']);
  });
});

describe('matching: when nothing else is offered, a weak fit with much evidence is offered as a choice (weakDescriptions)', () => {
  // A post that tells its problem among much else: the portraits' symptom fits best, but below minFit and without the lead.
  const kb = LAST_RESORT.kb();
  const { story } = LAST_RESORT;
  const index = buildDescriptions(kb);
  const fits = scoreDescriptions(index, new Set(descriptionTerms(story)), p);
  const fit = (d: DescriptionScore) => d.pasteShare * d.docShare;
  const noErrors = () => [];

  it('takes the best symptom from weakFit up, with minEvidence, and the other articles within the lead of it', () => {
    assert.deepEqual(ids(kb, fits).slice(0, 2), ['portraits', 'vouchers']);
    assert.ok(fit(fits[0]) >= p.weakFit && fit(fits[0]) < p.minFit, String(fit(fits[0])));
    assert.ok(fits[0].evidence >= p.minEvidence, String(fits[0].evidence));
    // Not offered by the ordinary rule (below minFit), nor as a long post (too little evidence).
    assert.deepEqual(offeredDescriptions(fits, p, false), []);
    assert.deepEqual(ids(kb, weakDescriptions(fits, p, index, noErrors)), ['portraits', 'vouchers']);
    assert.deepEqual(weakDescriptions(fits, { ...p, weakFit: fit(fits[0]) + 0.001 }, index, noErrors), []);
    assert.deepEqual(weakDescriptions(fits, { ...p, minEvidence: fits[0].evidence + 0.1 }, index, noErrors), []);
  });

  it("only when the paste names the article's title, in words beyond its error texts (weakTitle, weakOwn)", () => {
    // The story names `staff`, `portraits` and `refresh` of the title, and no error text holds them.
    assert.ok(titleWeight(index, fits[0]) >= p.weakTitle, String(titleWeight(index, fits[0])));
    assert.ok(wordsBeyondErrors(index, fits[0], []) >= p.weakOwn, String(wordsBeyondErrors(index, fits[0], [])));
    assert.deepEqual(weakDescriptions(fits, { ...p, weakTitle: titleWeight(index, fits[0]) + 0.01 }, index, noErrors), []);
    // The same words as an error text of the article: a paste that says them is the error path's to judge, and it found nothing.
    const quoted = (a: number) => (kb.articles[a].id === 'portraits' ? ['Staff portraits: directory refresh failed'] : []);
    assert.ok(wordsBeyondErrors(index, fits[0], quoted(fits[0].article)) < p.weakOwn);
    assert.deepEqual(weakDescriptions(fits, p, index, quoted), []);
    // The symptom's prose without its title (`cloud` only): it fits as well, but its article's problem is not named.
    const untitled =
      'Since the move the old picture is kept in the cloud for new hires, though HR uploaded headshots twice; ' +
      'the lobby badge scanner, the calendar theme and the vouchers for lunch are a separate story.';
    const other = scoreDescriptions(index, new Set(descriptionTerms(untitled)), p);
    assert.equal(kb.articles[other[0].article].id, 'portraits');
    assert.ok(fit(other[0]) >= p.weakFit && other[0].evidence >= p.minEvidence);
    assert.ok(titleWeight(index, other[0]) < p.weakTitle, String(titleWeight(index, other[0])));
    assert.deepEqual(weakDescriptions(other, p, index, noErrors), []);
    assert.deepEqual(ids(kb, weakDescriptions(other, { ...p, weakTitle: 0 }, index, noErrors)).slice(0, 1), ['portraits']);
  });

  it('needs less evidence where the symptom fits weakLead times better than any other (weakLeadEvidence)', () => {
    const short = scoreDescriptions(
      index,
      new Set(descriptionTerms('The portraits never refresh since the move; the calendar is fine.')),
      p,
    );
    assert.ok(fit(short[0]) >= p.weakLead * fit(short[1]), 'a lead of 2 or more');
    assert.ok(short[0].evidence >= p.weakLeadEvidence && short[0].evidence < p.minEvidence, String(short[0].evidence));
    assert.deepEqual(ids(kb, weakDescriptions(short, p, index, noErrors)), ['portraits']);
    assert.deepEqual(weakDescriptions(short, { ...p, weakLead: Infinity }, index, noErrors), []);
    assert.deepEqual(weakDescriptions(short, { ...p, weakLeadEvidence: p.minEvidence }, index, noErrors), []);
  });

  it('offers them, never answers them, and only where nothing else is offered', () => {
    const r = new Matcher(kb).match(story);
    assert.equal(r.decision, 'clarify');
    assert.deepEqual(
      r.matches.map((x) => [x.article, x.score]),
      [
        ['portraits', p.weakScore],
        ['vouchers', p.weakScore - p.groupStep],
      ],
    );
    // Long shots, so marked for the bot (it says it does not know the error for sure).
    assert.ok(r.matches.every((x) => x.weak === true));
    const why = JSON.stringify(new Matcher(kb).match(story, { explain: true }).matches[0].why);
    assert.match(
      why,
      /fits only weakly, but nothing else in the paste is offered and it holds 3\.299 distinctive words, 2\.699 of them its title's, 3\.699 beyond its error texts/,
    );
    // Without the rule: nothing.
    const off = new Matcher(kb, { ...DEFAULT_PARAMETERS, descriptions: { ...p, weakFit: 2 } });
    assert.equal(off.match(story).decision, 'none');
    // Where anything else is offered (a code only one article holds), the last resort is not read.
    const coded = new Matcher(kbOf([...kb.articles, englishArticle('quokka', ['Quokka sync failed with result 0x80041234.'])]));
    assert.deepEqual(
      coded.match(`${story} The log shows 0x80041234.`).matches.map((x) => x.article),
      ['quokka'],
    );
  });
});

describe("matching: a description with the status code its article's title names is answered (descriptionHits, titleCode)", () => {
  const kb = kbOf([
    proseArticle(
      'quokka',
      'Fix NDR error "550 5.7.321" in Exchange Online',
      'Mail to the quokka relay bounces after the wombat filter changed.',
      'The relay no longer trusts the filter.',
    ),
    // Its title names the same code: the code alone says one of two articles, the prose which.
    proseArticle('list', 'NDR "550 5.7.321" listed by the portal', 'The portal shows the bounce.', 'A listing.'),
    proseArticle('colours', 'Calendar colours look odd', 'Colours of shared calendars change after a restart.', 'A theme cache.'),
    proseArticle('rooms', 'Room lists are empty', 'The room finder shows no rooms.', 'An exception of the room list.'),
  ]);
  // The code rule alone: `describedWhole` (fit 0.3) would answer these short posts too.
  const params = { ...DEFAULT_PARAMETERS, descriptions: { ...p, answerFit: 2 } };
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(kb, params);
  });
  const top = (text: string) => {
    const r = m.match(text, { explain: true });
    return [r.decision, r.matches[0]?.article];
  };
  const post = 'Since the wombat filter changed, our mail to the quokka relay bounces';

  it('answers the symptom told with the code the title names; the code of the other title is no other problem', () => {
    assert.deepEqual(top(`${post} with 550 5.7.321.`), ['answer', 'quokka']);
    const r = m.match(`${post} with 550 5.7.321.`, { explain: true });
    assert.ok(
      r.matches[0].why?.rules.some((x) => x.note.includes('5.7.321, the status code its title names, and nothing else is offered')),
      JSON.stringify(r.matches[0].why?.rules),
    );
  });

  it('offers it without the code, with a code no title names, or without words beyond its error texts', () => {
    assert.deepEqual(top(`${post}.`), ['clarify', 'quokka']);
    assert.deepEqual(top(`${post} with 550 5.7.322.`), ['clarify', 'quokka']);
    // The same words, quoted as the article's error: its error path judges them, the prose names nothing of its own.
    const quoting = new Matcher(
      kbOf([
        ...kb.articles.filter((a) => a.id !== 'quokka'),
        englishArticle('quokka', ['550 5.7.321 Mail to the quokka relay bounces after the wombat filter changed'], {
          title: { en: 'Fix NDR error "550 5.7.321" in Exchange Online' },
        }),
      ]),
      params,
    );
    assert.notEqual(quoting.match(`${post} with 550 5.7.321.`).decision, 'answer');
  });
});

describe('matching: a name with a version glued to it is the name (inflectionKey)', () => {
  it('reads IMAP4 as IMAP and POP3 as POP, not a status code, a year, a code or a short label', () => {
    assert.equal(inflectionKey('imap4'), inflectionKey('imap'));
    assert.equal(inflectionKey('pop3'), 'pop');
    for (const w of ['smtp4x7x500', 'exchange2016', 'o365', 'x500', 'hcw8110', '4.7.500', 'cu21', 'db01', 'imap123'])
      assert.equal(inflectionKey(w), w);
  });

  it('finds the article whose title writes IMAP4 for a post that writes IMAP', () => {
    const kb = kbOf([
      proseArticle('imap', 'Users cannot connect to POP3 or IMAP4', 'Clients lose POP3 and IMAP4 after an update.', 'A proxy.'),
      proseArticle('colours', 'Calendar colours look odd', 'Colours of shared calendars change after a restart.', 'A theme cache.'),
      proseArticle('rooms', 'Room lists are empty', 'The room finder shows no rooms.', 'An exception of the room list.'),
    ]);
    const index = buildDescriptions(kb);
    const fits = scoreDescriptions(index, new Set(descriptionTerms('After the update our IMAP and POP clients cannot connect')), p);
    assert.equal(kb.articles[fits[0].article].id, 'imap');
    assert.ok(fits[0].found.includes('imap4') && fits[0].found.includes('pop3'), fits[0].found.join(' '));
  });
});
