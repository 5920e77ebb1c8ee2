import assert from 'node:assert/strict';
import { Matcher } from '../../src/matching/matcher';
import { DEFAULT_PARAMETERS } from '../../src/matching/parameters';
import type { MatchResult } from '../../src/matching/types';
import { buildQueryView, looksLikeName, misread, otherCodeOfFamily, scoreSignal } from '../../src/matching/score';
import { buildSignals, contentTerms, isStrongTerm } from '../../src/matching/signals';
import { describedArticle, englishArticle as article, kbOf, PROXY_CONTEST, proxyContest, wombatReference } from '../helpers/articles';

/** The matching rules of README "How matching works", each on small hand-made error texts. */

const top = (m: Matcher, text: string) => {
  const r = m.match(text);
  return [r.decision, r.matches[0]?.article ?? null];
};

describe('matching rules (signals.ts, score.ts, matcher.ts)', () => {
  describe('signals: units, inner messages, generic units, codes', () => {
    let index: ReturnType<typeof buildSignals>;
    beforeEach(() => {
      index = buildSignals([
        article('sts', ['Provisioning the frobnicator failed. Detailed information: "The gateway refused the sprocket handshake."']),
        article('a', ['Updating the widget store failed: Object reference not set to an instance of an object.']),
        article('b', ['Opening the gadget journal failed: Object reference not set to an instance of an object.']),
      ]);
    });

    it('cuts an error text into units at sentences, colons and quotes, and finds the announced inner message', () => {
      const sts = index.errors[0];
      assert.deepEqual(
        sts.units.map((u) => sts.terms.slice(u.start, u.end).join(' ')),
        ['provisioning frobnicator failed', 'detailed information', 'gateway refused sprocket handshake'],
      );
      assert.deepEqual(
        sts.units.map((u) => u.nested),
        [false, false, true],
      );
      assert.equal(sts.detailUnit, 2);
      assert.equal(sts.detailKey, 'gateway refused sprocket handshake');
    });

    it('marks a unit that error texts of several articles share as generic (a family, not an error)', () => {
      const a = index.errors[1];
      assert.deepEqual(
        a.units.map((u) => [a.terms.slice(u.start, u.end).join(' '), u.generic]),
        [
          ['updating widget store failed', false],
          ['object reference not set instance object', true],
        ],
      );
      assert.equal(
        index.errors[0].units.some((u) => u.generic),
        false,
      );
    });

    it('weighs codes and exception names as strong evidence, not other hex values', () => {
      for (const t of ['hcw8078', '0x80040155', 'aadsts50011', 'migrationpermanentexception']) assert.ok(isStrongTerm(t), t);
      for (const t of ['0x00000001', 'hcw', 'exception', '403']) assert.ok(!isStrongTerm(t), t);
    });
  });

  describe('score: coverage and its rules', () => {
    const params = DEFAULT_PARAMETERS.score;
    let index: ReturnType<typeof buildSignals>;
    beforeEach(() => {
      index = buildSignals([
        article('send', ['The relay closed the tunnel: an unexpected fault occurred on a send.']),
        article('log', ['GetFolder 500 857 ErrorInternalServerError while reading the vault index.']),
        article('http', ['The request failed with HTTP status 403: Forbidden.']),
        article('x', ['Something unrelated about quokka feeding schedules.']),
      ]);
    });
    const score = (id: number, paste: string) => scoreSignal(id, buildQueryView(contentTerms(paste)), index, params);

    it('scores an error pasted whole as 1, and a paste that goes on differently at half', () => {
      assert.equal(score(0, 'The relay closed the tunnel: an unexpected fault occurred on a send.').score, 1);
      const other = score(0, 'The relay closed the tunnel: an unexpected fault occurred on a receive.');
      assert.deepEqual([other.contradiction?.expected, other.contradiction?.pasted], ['send', 'receive']);
      assert.ok(other.score <= 0.5);
    });

    it('lets numbers that vary (durations, sizes) differ, but not HTTP and SMTP status codes', () => {
      assert.equal(score(1, 'GetFolder 500 912 ErrorInternalServerError while reading the vault index.').contradiction, undefined);
      assert.equal(score(2, 'The request failed with HTTP status 401: Forbidden.').contradiction?.pasted, '401');
      assert.ok(looksLikeName('857') && looksLikeName('ex01') && looksLikeName('2019'));
      assert.ok(!looksLikeName('403') && !looksLikeName('550') && !looksLikeName('hcw8078') && !looksLikeName('smtp5x7x64'));
    });

    it('reads a misread word (one letter off, glued or split) as the word, never a number or another word', () => {
      for (const [a, b] of [
        ['fir', 'fur'],
        ['verbindungwurde', 'verbindung'],
        ['grunde', 'zugrunde'],
        ['ocurred', 'occurred'],
        ['conection', 'connection'],
      ]) {
        assert.ok(misread(a, b), `${a} ${b}`);
      }
      for (const [a, b] of [
        ['401', '403'],
        ['receive', 'send'],
        ['on', 'in'],
        ['hcw8078', 'hcw8079'],
        ['closed', 'opened'],
      ])
        assert.ok(!misread(a, b), `${a} ${b}`);
      const slip = score(0, 'The relay closed the tunnel: an unexpected fualt occurred on a send.');
      assert.equal(slip.contradiction, undefined);
      assert.ok(slip.score >= 0.8, String(slip.score));
    });

    it('needs evidence: a short common part of an error is scored low', () => {
      const part = score(2, 'Forbidden');
      assert.ok(part.evidenceFactor < 1 && part.score < 0.45, String(part.score));
    });
  });

  describe('score: one common word is no match (issue 12, descriptions: clarify noise)', () => {
    // A log field an article shows (`Mailbox: '<name>'`) is an error text of one fixed word; other errors name a mailbox too.
    const kb = kbOf([
      article('booking', ["Mailbox: '<name of resource mailbox>'", "Quarantined: '<name of resource mailbox>'"]),
      article('move', ['The mailbox move to the target database failed.']),
      article('quota', ['The mailbox quota was exceeded while saving the item.']),
    ]);
    const index = buildSignals(kb.articles);
    const score = (id: number, paste: string) => scoreSignal(id, buildQueryView(contentTerms(paste)), index, DEFAULT_PARAMETERS.score);

    it('scores an error text found by one word that other error texts hold too at 0, and lists it nowhere', () => {
      assert.equal(score(0, 'Hi, the shared mailbox of our team shows no new items since Monday.').score, 0);
      const r = new Matcher(kb).match('Hi, the shared mailbox of our team shows no new items since Monday.', { explain: true });
      assert.ok(!r.matches.some((m) => m.article === 'booking'), JSON.stringify(r.matches));
    });

    it('still finds an error text by one word that no other error text holds, and by two words', () => {
      assert.ok(score(1, 'The room is quarantined.').score > 0.45);
      assert.ok(score(3, 'Error: The mailbox quota was exceeded while saving the item.').score > 0.45);
    });
  });

  describe('matcher: generic lines, inner messages, fragments, descriptions', () => {
    const wrap = (inner: string) => `Provisioning the frobnicator failed. Detailed information: "${inner}"`;
    let m: Matcher;
    beforeEach(() => {
      m = new Matcher(
        kbOf([
          article('widget', ['Updating the widget store failed: Object reference not set to an instance of an object.']),
          article('gadget', ['Opening the gadget journal failed: Object reference not set to an instance of an object.']),
          article('sts-handshake', [wrap('The gateway refused the sprocket handshake.')]),
          article('sts-quota', [wrap('The gateway quota of the sprocket pool is exhausted.')]),
          article('nested', [
            'Provisioning the doohickey failed. Detailed information: "Accessing the marmot vault failed." "The marmot gateway closed the channel."',
          ]),
          article('sync', ['Quokka sync agent stopped.'], {
            title: { en: 'Directory sync stops when the quokka agent loses its lease' },
            keywords: { en: ['lease expiry'] },
            symptoms: [
              {
                id: 'main',
                description: { en: 'The quokka sync agent stops every night and directory changes no longer reach the cloud.' },
                errors: { en: ['Quokka sync agent stopped.'] },
              },
            ],
          }),
        ]),
      );
    });

    it('answers a generic line only with its own wrapper: alone, it names a family', () => {
      assert.deepEqual(top(m, 'Updating the widget store failed: Object reference not set to an instance of an object.'), [
        'answer',
        'widget',
      ]);
      assert.notEqual(m.match('Object reference not set to an instance of an object.').decision, 'answer');
      assert.notEqual(
        m.match('Reading the mailbox folder failed: Object reference not set to an instance of an object.').decision,
        'answer',
      );
    });

    it('tells errors that share a wrapper apart by their inner message, and answers neither for another one', () => {
      assert.deepEqual(top(m, wrap('The gateway refused the sprocket handshake.')), ['answer', 'sts-handshake']);
      assert.deepEqual(top(m, wrap('The gateway quota of the sprocket pool is exhausted.')), ['answer', 'sts-quota']);
      assert.notEqual(m.match(wrap('Access is denied.')).decision, 'answer');
      assert.equal(m.match('Provisioning the frobnicator failed.').decision === 'answer', false);
    });

    it('reads an error chain: after `…error message :` or `SomeException:` comes the inner message that tells errors apart', () => {
      const chain = new Matcher(
        kbOf([
          article('cert', [
            'Connecting to the vault server failed with the following error message : The marmot certificate has expired in the keystore.',
          ]),
          article('quota', ['WidgetPermanentException: The marmot quota of the target store is exhausted for this tenant.']),
          article('other', ['Unrelated quokka text about feeding schedules of the zoo.']),
        ]),
      );
      assert.deepEqual(
        top(
          chain,
          'Connecting to the vault server failed with the following error message : The marmot certificate has expired in the keystore.',
        ),
        ['answer', 'cert'],
      );
      assert.notEqual(
        chain.match('Connecting to the vault server failed with the following error message : Access is denied.').decision,
        'answer',
      );
      assert.deepEqual(top(chain, 'WidgetPermanentException: The marmot quota of the target store is exhausted for this tenant.'), [
        'answer',
        'quota',
      ]);
      assert.notEqual(
        chain.match("WidgetPermanentException: The target mailbox doesn't have a proxy matching the marmot store.").decision,
        'answer',
      );
      const signal = buildSignals([
        article('cert', ['Connecting to the vault server failed with the following error message : The marmot certificate has expired.']),
      ]).errors[0];
      assert.deepEqual([signal.units.map((u) => u.nested), signal.detailUnit], [[false, true], 1]);
    });

    it('answers no wrapper pasted alone, also when advice follows the inner message in the error text', () => {
      const advice = 'For more information, see the about_Marmot_Troubleshooting Help topic.';
      const wrapper = 'VERBOSE: Connecting to <server> Connecting to the vault server failed with the following error message:';
      const chain = new Matcher(
        kbOf([
          article('status', [`${wrapper} The quokka client received a status code of 403 from the walrus service. ${advice}`]),
          article('other', ['Unrelated quokka text about feeding schedules of the zoo.']),
        ]),
      );
      assert.deepEqual(top(chain, `${wrapper} The quokka client received a status code of 403 from the walrus service. ${advice}`), [
        'answer',
        'status',
      ]);
      // The wrapper up to its chain marker, as another tool's log prints it around another message.
      assert.notEqual(
        chain.match("ERROR:Updating the gizmo failed with error 'Connecting to the vault server failed with the following error message :")
          .decision,
        'answer',
      );
    });

    it('offers, never answers, an inner message that other errors share when it is pasted without any wrapper', () => {
      const inner = 'The marmot channel was closed: an unexpected fault occurred on a send.';
      const shared = new Matcher(
        kbOf([
          article('first', [`Provisioning the doohickey failed. Detailed information: "${inner}"`]),
          article('second', [`Syncing the gizmo failed. Detailed information: "${inner}"`]),
          article('other', ['Unrelated quokka text about feeding schedules of the zoo.']),
        ]),
      );
      const alone = shared.match(inner);
      assert.equal(alone.decision, 'clarify');
      assert.equal(alone.matches[0].score, 0.75);
      assert.deepEqual(top(shared, `Syncing the gizmo failed. Detailed information: "${inner}"`), ['answer', 'second']);
    });

    it('offers, never answers, the message of a coded error pasted without its code (another tool may print it)', () => {
      const message =
        'The marmot gateway refused the sprocket handshake on the quokka channel. Verify that the walrus relay is reachable and that the yak tunnel allows the narwhal port.';
      const coded = new Matcher(
        kbOf([article('coded', [`HCW9001 = ${message}`]), article('other', ['Unrelated quokka text about feeding schedules of the zoo.'])]),
      );
      // The paste covers 0.875 of the error text: without the cap, an answer.
      const without = coded.match(`Processing data failed: ${message}`);
      assert.deepEqual([without.decision, without.matches[0]?.article, without.matches[0]?.score], ['clarify', 'coded', 0.75]);
      assert.deepEqual(top(coded, `HCW9001 ${message}`), ['answer', 'coded']);
    });

    it('answers no container whose contained match fit its own error better: two articles print that message', () => {
      const both = new Matcher(
        kbOf([
          article('wide', [
            'The sprocket address "QUOKKA ORGANIZATION MARMOT GATEWAY GROUP WALRUS RECIPIENTS TAG" is already claimed by the sprocket addresses or LegacyGizmoTag. Please choose another sprocket address.',
          ]),
          article('narrow', [
            'The sprocket address "SMTP:<address>" is already claimed by "<tenant>". Please choose another sprocket address.',
          ]),
          article('other', ['Unrelated quokka text about feeding schedules of the zoo.']),
        ]),
      );
      const r = both.match(
        'I get "The sprocket address is already claimed by the sprocket addresses or LegacyGizmoTag. Please choose another sprocket address."',
      );
      // wide found more words (it ranks first), narrow covers its own text better (0.881 > 0.878): offered both.
      assert.deepEqual([r.decision, r.matches.map((x) => x.article)], ['clarify', ['wide', 'narrow']]);
    });

    it('offers, never answers, a quoted part of an error pasted alone (a fragment of its family)', () => {
      const r = m.match('Accessing the marmot vault failed.');
      assert.deepEqual([r.decision, r.matches[0]?.article, r.matches[0]?.score], ['clarify', 'nested', 0.5]);
      // The wrapper alone is not a fragment: it says too little about which error it is.
      assert.equal(m.match('Provisioning the doohickey failed.').decision, 'none');
    });

    it('offers a symptom described in the words of its title and description, answers nothing for unrelated prose', () => {
      const r = m.match('our quokka agent stops each night and directory changes do not show up in the cloud');
      assert.deepEqual([r.decision, r.matches[0]?.article], ['clarify', 'sync']);
      assert.equal(m.match('how do I change the colour of the calendar in Outlook').decision, 'none');
    });
  });
  describe('matcher: where-lines, empty inner messages, family contradictions (issue 12, precision)', () => {
    /** An NDR article with a title and a described symptom, for the description path's family veto. */
    const quotaArticle = (error: string) =>
      article('deliver-quota', [error], {
        title: { en: 'Quokka quota rejects delivery to the marmot mailbox' },
        symptoms: [
          {
            id: 'main',
            description: { en: 'Messages to the marmot mailbox bounce because the quokka quota is exceeded.' },
            errors: { en: [error] },
          },
        ],
      });

    it('never matches on a PowerShell location line: `At <file>:<line> char:<n>` says where an error was thrown, not which', () => {
      const m = new Matcher(
        kbOf([
          article('frob-module', [
            'Frobbing the widget pool failed because the pool is sealed. At C:\\Program Files\\WindowsPowerShell\\Modules\\FrobManagement\\3.1.0\\netFramework\\FrobManagement.psm1:733 char:21 + CategoryInfo : OperationStopped',
          ]),
        ]),
      );
      const where =
        'At C:\\Program Files\\WindowsPowerShell\\Modules\\FrobManagement\\3.1.0\\netFramework\\FrobManagement.psm1:733 char:21';
      // Another error thrown at the same place of the same module: not this article's error.
      assert.equal(m.match(`Create Quokka Session is failed using OAuth\n${where}\n+ throw $_.Exception;`).decision, 'none');
      // The article's own message, thrown from elsewhere, is still its error.
      assert.deepEqual(top(m, 'Frobbing the widget pool failed because the pool is sealed.\nAt line:1 char:3'), ['answer', 'frob-module']);
    });

    it('reads `…error message: For more information…` as an empty inner message: a paste with one there is another error', () => {
      const empty =
        'Connecting to remote server frob.example.com failed with the following error message : For more information, see the about_Frob_Troubleshooting Help topic.';
      const m = new Matcher(kbOf([article('empty-inner', [empty])]));
      assert.deepEqual(top(m, empty), ['answer', 'empty-inner']);
      const other = m.match(
        'Connecting to remote server frob.example.com failed with the following error message : Basic Authorization failed for user. For more information, see the about_Frob_Troubleshooting Help topic.',
      );
      assert.notEqual(other.decision, 'answer');
      assert.ok((other.matches[0]?.score ?? 0) < 0.5, `scored ${other.matches[0]?.score}`);
    });

    it('offers no article by its description when the paste contradicts its error right after the family name (`STOREDRV.Submission` vs `STOREDRV.Deliver`)', () => {
      const ndr = (stage: string) =>
        `554 5.2.0 STOREDRV.${stage}.Exception:QuokkaQuotaException; Failed to process message due to a permanent exception`;
      const deliver = quotaArticle(ndr('Deliver'));
      const m = new Matcher(kbOf([deliver]));
      const described = 'messages to the marmot mailbox bounce, quokka quota exceeded';
      assert.deepEqual(top(m, described), ['clarify', 'deliver-quota']);
      // Sent, not delivered: the same family's other member. Its words in the title don't offer the article.
      const sent = m.match(`${described}\n${ndr('Submission')}`);
      assert.equal(sent.decision, 'none');
    });

    it('reads for that veto an error text the contradiction settled below the floor too (Matcher.errorHits scores it no further)', () => {
      const ndr = (stage: string, tail = ' due to a permanent exception') =>
        `554 5.2.0 STOREDRV.${stage}.Exception:QuokkaQuotaException; Failed to process message${tail}`;
      const deliver = quotaArticle(ndr('Deliver'));
      // No typo repair: the first pass (floor 0.429) is not scored again lower, so the veto reads the text it settled.
      const m = new Matcher(kbOf([deliver]), { ...DEFAULT_PARAMETERS, typos: { ...DEFAULT_PARAMETERS.typos, skipAbove: 0 } });
      const paste = `messages to the marmot mailbox bounce, quokka quota exceeded\n${ndr('Submission', '')}`;
      // Contradicted right after the family name: 0.365 with the factor, below the floor; 0.73 without, above `candidate`.
      const error = m.match(paste, { explain: true, article: 'deliver-quota' }).matches.find((x) => x.why?.kind === 'error');
      const { contradiction } = DEFAULT_PARAMETERS.score;
      assert.ok(
        error && error.score < m.floors.offered && error.score / contradiction >= DEFAULT_PARAMETERS.decision.candidate,
        `${error?.score}`,
      );
      assert.equal(m.match(paste).decision, 'none');
    });
  });
});

describe('matching rules: a contested container and the match inside it (ranking.ts settleContest)', () => {
  const kb = kbOf(proxyContest());
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(kb);
  });
  const { pasted } = PROXY_CONTEST;
  const ranked = (text: string) => {
    const r = m.match(text);
    return [r.decision, ...r.matches.slice(0, 2).map((x) => x.article)];
  };

  it('puts first the one whose title and descriptions the rest of the paste fits, and answers neither', () => {
    assert.deepEqual(ranked(`I cannot add the mail users: ${pasted}`), ['clarify', 'address-conflict', 'folder-sync']);
    assert.deepEqual(ranked(`The public folder sync script stops: ${pasted}`), ['clarify', 'folder-sync', 'address-conflict']);
  });

  it('puts first the one the rest of the paste fits also when a scenario caps both alike (how well each fits is read before the caps)', () => {
    const migrating = `We migrate our mail users from another system.\nAdding the mail users fails: ${pasted}`;
    const r = m.match(migrating);
    assert.deepEqual(
      [r.decision, ...r.matches.slice(0, 2).map((x) => [x.article, x.score])],
      ['clarify', ['address-conflict', 0.75], ['folder-sync', 0.75]],
    );
  });

  it('keeps the container first when the rest of the paste names neither', () => {
    assert.deepEqual(ranked(pasted), ['clarify', 'folder-sync', 'address-conflict']);
  });
});

describe('matching rules: two errors around the same inner message (ranking.ts innerOnly)', () => {
  const inner = 'An unexpected result came from the yak service. Detailed information: "4242 WombatDenied: Wombat denied."';
  const release = `The marmot 'fabrikam' could not be released. Detailed information: "${inner}".`;
  const provision = `An error occurred while provisioning the quokka to the walrus gateway. Detailed information: "${inner}".`;
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(
      kbOf([article('release', [release]), article('provision', [provision]), article('other', ['Unrelated narwhal text about the zoo.'])]),
    );
  });
  const ranked = (matcher: Matcher, text: string) => {
    const r = matcher.match(text);
    return [r.decision, ...r.matches.slice(0, 2).map((x) => x.article)].slice(0, r.decision === 'answer' ? 2 : 3);
  };

  it('offers both when the paste holds the shared inner message and neither outer message', () => {
    const r = m.match(inner);
    assert.equal(r.decision, 'clarify');
    assert.deepEqual(r.matches.map((x) => x.article).sort(), ['provision', 'release']);
  });

  it('answers the one whose outer message the paste holds', () => {
    assert.deepEqual(ranked(m, `The marmot 'contoso' could not be released. Detailed information: "${inner}".`), ['answer', 'release']);
    assert.deepEqual(ranked(m, provision), ['answer', 'provision']);
  });

  it('answers when one error text is the other quoted with a prefix: the same error', () => {
    const quoted = new Matcher(
      kbOf([
        article('plain', [provision]),
        article('prefixed', [`The tool failed to invoke 'Set-Quokka': ${provision}`]),
        article('other', ['Unrelated narwhal text about the zoo.']),
      ]),
    );
    assert.deepEqual(ranked(quoted, provision), ['answer', 'plain']);
  });
});

describe('matching rules: SMTP reply codes and diagnostic codes (issue 12, recall)', () => {
  const submit = '535 5.7.3 Authentication unsuccessful at the wombat relay';
  const busy = '451 4.7.0 Temporary wombat fault. Please try again later. PRX5';
  const kb = kbOf([article('submit', [submit]), article('busy', [busy]), article('other', ['Quokka feeder jammed.'])]);
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(kb);
  });

  it('indexes an error text with a reply code before its enhanced code twice: as written and without the reply code', () => {
    const index = buildSignals(kb.articles);
    const texts = index.errors.filter((e) => e.text === submit).map((e) => e.terms.join(' '));
    assert.deepEqual(texts, [
      '535 smtp5x7x3 authentication unsuccessful wombat relay',
      'smtp5x7x3 authentication unsuccessful wombat relay',
    ]);
    // The text read without its reply code does not count as a second text holding the words: their weights are those of the text alone.
    const alone = buildSignals([article('submit', ['5.7.3 Authentication unsuccessful at the wombat relay'])]);
    const wombat = (i: typeof index) => i.weight[i.vocab.ids.get('wombat') ?? -1];
    assert.equal(wombat(buildSignals([article('submit', [submit])])), wombat(alone));
  });

  it('answers the enhanced code and its message pasted without the reply code as surely as with it', () => {
    const without = m.match('5.7.3 Authentication unsuccessful at the wombat relay [DB6P189CA0015.EURP189.PROD.OUTLOOK.COM]');
    const withCode = m.match('Server said: 535 5.7.3 Authentication unsuccessful at the wombat relay');
    assert.deepEqual([without.decision, without.matches[0]?.article], ['answer', 'submit']);
    assert.deepEqual([withCode.decision, withCode.matches[0]?.article], ['answer', 'submit']);
    assert.equal(without.matches[0].score, withCode.matches[0].score);
  });

  it('lists under each word exactly the error texts that hold it, the texts read without their reply code too', () => {
    // The short forms are left out of the words' counts (weights), not out of their lists: a list that was sized by the
    // counts and filled with every text ran into the next word's, which then named texts without that word.
    const index = buildSignals([
      article('submit', [submit]),
      article('quota', ['552 5.2.2 Mailbox full at the wombat relay']),
      article('other', ['Quokka feeder jammed.', 'Numbat gate 5.7.139 closed']),
    ]);
    index.vocab.terms.forEach((term, id) => {
      const holders = index.errors.flatMap((e, i) => (e.terms.includes(term) ? [i] : []));
      assert.deepEqual(Array.from(index.postings[id]), holders, term);
    });
    const numbat = new Matcher(kbOf([article('submit', [submit]), article('numbat', ['Numbat gate 5.7.139 closed'])]));
    assert.deepEqual(top(numbat, 'Numbat gate 5.7.139 closed'), ['answer', 'numbat']);
  });

  it('keeps no twin of a text that is only its codes: the status code alone is no message', () => {
    const index = buildSignals([article('bounce', ['550 5.1.10'])]);
    assert.deepEqual(
      index.errors.map((e) => e.terms.join(' ')),
      ['550 smtp5x1x10'],
    );
  });

  it('does not read a number before another class of enhanced code as its reply code', () => {
    const index = buildSignals([article('mixed', ['250 5.7.3 Authentication unsuccessful at the wombat relay'])]);
    assert.equal(index.errors.length, 1);
  });

  it('reads another number of the same diagnostic code family as another error, also after a sentence end', () => {
    assert.ok(otherCodeOfFamily('prx4', 'prx5') && otherCodeOfFamily('attr35', 'attr36'));
    assert.ok(!otherCodeOfFamily('prx5', 'prx5') && !otherCodeOfFamily('ex01', 'srv01') && !otherCodeOfFamily('prx4', 'try'));
    const other = m.match('4.7.0 Temporary wombat fault. Please try again later. PRX4');
    assert.notEqual(other.decision, 'answer');
    assert.deepEqual(top(m, '4.7.0 Temporary wombat fault. Please try again later. PRX5'), ['answer', 'busy']);
  });
});

describe('matching rules: a status code whose article lists several of its variants (issue 12, recall)', () => {
  const variants = article('variants', [
    '535 5.7.139 Wombat logon unsuccessful, the burrow gateway was unreachable.',
    '535 5.7.139 Wombat logon unsuccessful, the burrow gateway refused plain text.',
  ]);
  const single = article('single', ['554 5.2.0 QUOKKA.Deliver.Exception:PouchFullException; the pouch is full']);
  const other = article('other', ['Numbat feeder jammed at the gate.']);
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(kbOf([variants, single, other]));
  });

  const paste = 'Server said: 535 5.7.139 Wombat logon unsuccessful, basic logon is disabled for the tenant. [AM5PR0701CA0008]';

  it('answers the article for the code and its first words followed by another reason when no other article names the code: one more variant it lists', () => {
    const r = m.match(paste);
    assert.deepEqual([r.decision, r.matches[0]?.article], ['answer', 'variants']);
    assert.equal(r.matches[0].score, 0.85);
  });

  it('only offers it when another article names the code too, even in its prose', () => {
    const prose = article('prose', ['Numbat feeder jammed at the burrow.'], {
      cause: { en: 'The burrow relay rejects the logon with 5.7.139.' },
    });
    const r = new Matcher(kbOf([variants, single, other, prose])).match(paste);
    assert.deepEqual([r.decision, r.matches[0]?.article], ['clarify', 'variants']);
    assert.equal(r.matches[0].score, 0.6);
  });

  it('offers nothing for one error text that the paste leaves after the code and its first words: another error of that code', () => {
    assert.deepEqual(top(m, '554 5.2.0 QUOKKA.Submission.Exception:TailSpamException; the tail is blocked'), ['none', null]);
  });

  it('offers nothing for the code with other first words, even where the article lists variants', () => {
    assert.deepEqual(top(m, '535 5.7.139 Numbat feeder session expired'), ['none', null]);
  });

  it('offers, never answers, a text whose message after the code shares words with the paste’s: one of the code’s family', () => {
    // `the pouch is full` said in other words after the same code: the same kind of bounce, another message.
    const r = m.match('Delivery failed: 554 5.2.0 Marsupial pouch full, closing transmission channel');
    assert.deepEqual([r.decision, r.matches[0]?.article, r.matches[0]?.score], ['clarify', 'single', 0.5]);
  });
});

describe("matching rules: an error inside another failure's outer message (outerCaps.ts capOtherOuter, chains.ts)", () => {
  const message = 'Federation information could not be retrieved from the partner yak organization.';
  const wrapper = 'WombatStatus=ProtocolFault;ResponseCode=403;WombatException=System.Net.WombatException:';
  const kb = (federation: Partial<Parameters<typeof article>[2]> = {}) =>
    new Matcher(
      kbOf([
        article('federation', [message], federation),
        article('forbidden', [`${wrapper} The remote yak returned an error: (403) Forbidden.`]),
        article('other', ['Unrelated narwhal text about the zoo.']),
      ]),
    );
  let m: Matcher;
  beforeEach(() => {
    m = kb();
  });

  it('answers the message alone, and after an exception class (a family, no outer message)', () => {
    assert.deepEqual(top(m, message), ['answer', 'federation']);
    assert.deepEqual(top(m, `System.Net.WombatException: ${message}`), ['answer', 'federation']);
  });

  it("offers, not answers, the message inside the outer message another article's error wraps its own in", () => {
    const r = m.match(`${wrapper} ${message}`);
    assert.equal(r.decision, 'clarify');
    assert.equal(r.matches[0].article, 'federation');
    assert.equal(r.matches[0].score, 0.75);
  });

  it("answers it when the outer message is no known error's, or when the article names that outer message itself", () => {
    assert.deepEqual(top(m, `Syncing the zebra ledger stalled. Error details: ${message}`), ['answer', 'federation']);
    const named = kb({ cause: { en: 'The WombatStatus is a ProtocolFault with ResponseCode 403 and a WombatException.' } });
    assert.deepEqual(top(named, `${wrapper} ${message}`), ['answer', 'federation']);
  });

  it("offers the message after an outer message that names a place none of which is the article's (the MRS proxy)", () => {
    const call = `The call to 'https://mail.contoso.com/EWS/mrsproxy.svc' failed. Error details: ${message}`;
    assert.deepEqual(top(m, call), ['clarify', 'federation']);
    const mrs = kb({ title: { en: 'Federation fails through the MRS proxy' } });
    assert.deepEqual(top(mrs, call), ['answer', 'federation']);
  });
});

describe('matching rules: the outer message of a "-->" chain (score.ts arrowCut)', () => {
  const outer = "The call to the pony gateway failed. Error details: The yak request was refused with the walrus scheme 'Negotiate'.";
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(
      kbOf([
        article('forbidden', [`${outer} --> The remote yak returned an error: (403) Forbidden.`]),
        article('other', ['Unrelated narwhal text about the zoo.']),
      ]),
    );
  });

  it('answers the outer message pasted alone: a whole error that tools print without the arrow', () => {
    assert.deepEqual(top(m, outer), ['answer', 'forbidden']);
  });

  it('does not answer the outer message followed by an arrow of its own and another inner message', () => {
    const r = m.match(`${outer} --> The marmot connection was closed: an unexpected quokka fault on a receive.`);
    assert.notEqual(r.decision, 'answer');
  });
});

describe("matching rules: an error's inner message inside an outer message of the paste's own (outerCaps.ts ownOuter)", () => {
  const outer = "The call to the pony gateway failed. Error details: The yak request was refused with the walrus scheme 'Negotiate'.";
  const inner = 'The remote yak returned an error: (403) Forbidden.';
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(kbOf([article('forbidden', [`${outer} --> ${inner}`]), article('other', ['Unrelated narwhal text about the zoo.'])]));
  });

  it("answers the inner message alone, after an exception class, and with the error's own outer message", () => {
    assert.deepEqual(top(m, inner), ['answer', 'forbidden']);
    assert.deepEqual(top(m, `System.Net.WebException: ${inner}`), ['answer', 'forbidden']);
    assert.deepEqual(top(m, `${outer} --> ${inner}`), ['answer', 'forbidden']);
  });

  it("offers, not answers, it inside an outer message of its own that holds nothing of the error's", () => {
    const own = 'Unable to reach the llama endpoint. Please check the credentials you entered.';
    for (const paste of [
      `${own} Inner Exception: The request failed. ${inner}`,
      // A chain label alone at a line's end, the inner message on the next line with words.
      `${own} Inner Exception\n\nThe request failed. ${inner}`,
      `${own}\nInnerException\n${inner}`,
      `${own} --->\n${inner}`,
      `${own} Caused by:\n${inner}`,
    ]) {
      const r = m.match(paste);
      assert.equal(r.decision, 'clarify', paste);
      assert.equal(r.matches[0].article, 'forbidden', paste);
      assert.equal(r.matches[0].score, DEFAULT_PARAMETERS.score.otherOuter.cap, paste);
    }
  });

  it('answers it when the outer message of the paste is too short to be one (a label, a log prefix)', () => {
    assert.deepEqual(top(m, `Llama sync: Inner Exception: ${inner}`), ['answer', 'forbidden']);
  });
});

describe('matching rules: the words after a quoted value (score.ts otherAfterValue)', () => {
  const dn = (cn: string) => `'CN=${cn},CN=Walrus Yards,CN=Relays,DC=contoso,DC=com'`;
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(
      kbOf([
        article('missing', [`Refurbishing the quokka ledger failed on <Server>. The gizmo ${dn('Sprocket Hub')} does not exist.`]),
        article('locked', ["Polishing the narwhal archive failed. The trinket 'contoso.com' is locked by the sprocket keeper."]),
        article('other', ['Unrelated marmot text about the zoo.']),
      ]),
    );
  });

  it('answers the error with the same value, or another value in its place, where the words after it are the error’s', () => {
    assert.deepEqual(
      top(m, `Refurbishing the quokka ledger failed on SRV01.fabrikam.local. The gizmo ${dn('Sprocket Hub')} does not exist.`),
      ['answer', 'missing'],
    );
    assert.deepEqual(top(m, "Polishing the narwhal archive failed. The trinket 'fabrikam.com' is locked by the sprocket keeper."), [
      'answer',
      'locked',
    ]);
  });

  it('does not answer the same sentence around another value that goes on differently after it', () => {
    // A distinguished name the error keeps the words of, and a placeholder value.
    const dnSwap = m.match(`Refurbishing the quokka ledger failed on SRV01.fabrikam.local. The gizmo ${dn('Cog Barn')} already exists.`);
    assert.notEqual(dnSwap.decision, 'answer');
    const valueSwap = m.match("Polishing the narwhal archive failed. The trinket 'fabrikam.com' is missing from the sprocket keeper.");
    assert.notEqual(valueSwap.decision, 'answer');
  });
});

describe('matching rules: the words after another number or name (score.ts contradiction, otherAfterValue)', () => {
  const crash = (version: string, program: string) =>
    `Watson report about to be sent for the llama gateway process with parameters: E12, c-RTL-AMD64, ${version}, ${program}, ` +
    'storage kiln turbine, performance counter factory create database instance, diagnostics walrus assert exception, dumptidset.';
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(kbOf([article('store', [crash('15.01.2375.031', 'sprocket worker')]), article('other', ['Unrelated marmot text.'])]));
  });

  it('answers the error with another version in the place of its own', () => {
    assert.deepEqual(top(m, crash('15.02.1118.007', 'sprocket worker')), ['answer', 'store']);
  });

  it('does not answer it when the words after another version are another program’s', () => {
    assert.notEqual(m.match(crash('15.02.1118.007', 'quokka proxy')).decision, 'answer');
  });
});

describe('matching rules: another number or name that opens its unit (score.ts otherAfterValue)', () => {
  const crash = (version: string, program: string) =>
    `Watson report about to be sent for the llama gateway process with parameters: ${version}, ${program}, ` +
    'storage kiln turbine, performance counter factory create database instance, diagnostics walrus assert exception, dumptidset.';
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(kbOf([article('store', [crash('15.01.2375.031', 'sprocket worker')]), article('other', ['Unrelated marmot text.'])]));
  });

  it('answers the error with another version in the place of its own, right after the colon', () => {
    assert.deepEqual(top(m, crash('15.02.1118.007', 'sprocket worker')), ['answer', 'store']);
  });

  it('does not answer it when the words after that version are another program’s', () => {
    assert.notEqual(m.match(crash('15.02.1118.007', 'quokka proxy')).decision, 'answer');
  });
});

describe('matching rules: a placeholder that opens the next part of the error (signals.ts VAR_OPENS, score.ts otherAfterValue)', () => {
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(
      kbOf([
        article('gone', [
          'Registering the quokka trust failed. Trust "Walrus Gateway DEL: <guid>" was not found in the sprocket directory.',
        ]),
        article('other', ['Unrelated marmot text about the zoo.']),
      ]),
    );
  });

  it('answers the error with another value in its place where the words after it are the error’s', () => {
    assert.deepEqual(
      top(m, 'Registering the quokka trust failed. Trust "Walrus Gateway DEL: 4f1c" was not found in the sprocket directory.'),
      ['answer', 'gone'],
    );
  });

  it('does not answer it when the words after the value (past a colon and a quote, no sentence end) are another error’s', () => {
    const r = m.match('Registering the quokka trust failed. Trust "Walrus Gateway DEL: EX02 lantern" refused the marmot handshake today.');
    assert.notEqual(r.decision, 'answer');
  });
});

describe('matching rules: a small part of an error, without how it ends (score.ts smallPart)', () => {
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(
      kbOf([
        article('ends', [
          'Refurbishing the quokka ledger failed on <Server>. The walrus yard beside the marmot relay holds no sprocket keeper for the narwhal gizmo trinket archive near the heron sled, otter lantern and badger mill.',
        ]),
        article('other', ['Unrelated pelican text about the zoo.']),
      ]),
    );
  });

  it('offers, not answers, an error of which the paste holds a small first part and not how it ends', () => {
    const r = m.match('Refurbishing the quokka ledger failed on SRV01. This yak error is not retriable.');
    assert.notEqual(r.decision, 'answer');
    assert.equal(r.matches[0]?.article, 'ends');
  });

  it('answers the same error pasted with how it ends', () => {
    assert.deepEqual(
      top(
        m,
        'The walrus yard beside the marmot relay holds no sprocket keeper for the narwhal gizmo trinket archive near the heron sled, otter lantern and badger mill.',
      ),
      ['answer', 'ends'],
    );
  });
});

describe('matching rules: a label on every line of a wrapped error (normalize.ts stripLineLabels)', () => {
  it("answers a wrapped error a script logged with `Error: ` before each line: the label doesn't break the message", () => {
    const m = new Matcher(
      kbOf([
        article('tagged', [
          'The sprockets are tagged with following frobnicator gateways : <names>. Removing them would stop the widget flow.',
        ]),
        article('other', ['The sprocket store could not be opened because the frobnicator is offline.']),
      ]),
    );
    const logged = [
      'Updating sprockets...',
      'Error: The sprockets are tagged with',
      'Error: following frobnicator gateways : Outbound. Removing them would',
      'Error: stop the widget flow.',
    ].join('\n');
    assert.deepEqual(top(m, logged), ['answer', 'tagged']);
  });
});

describe('matching rules: a code one article alone holds, with its title words (codeHits.ts, keywords.codeTitle)', () => {
  const m = () =>
    new Matcher(
      kbOf([
        describedArticle(
          'transfer',
          'Frobnicator Wizard errors when running the Sprocket Ledger transfer feature',
          'The wizard reports HCW9110 when the sprocket ledger transfer fails.',
        ),
        describedArticle('gadgets', 'Gadget journal can not be opened after an upgrade', 'The gadget journal stays closed.'),
        describedArticle('widgets', 'Widget store sync fails for shared widgets', 'Shared widgets never reach the widget store.'),
      ]),
    );

  it('answers the code with words of its title: the code says which error, the title where it happened', () => {
    assert.deepEqual(top(m(), 'The wizard finished with a warning HCW9110 - Encountered error while running sprocket ledger transfer.'), [
      'answer',
      'transfer',
    ]);
  });

  it('offers the code alone, or with words every title uses', () => {
    assert.deepEqual(top(m(), 'We got HCW9110 yesterday, any idea?'), ['clarify', 'transfer']);
  });
});

describe("matching rules: a symptom many articles describe, named without the article's cause (articleFacts.ts familySymptom)", () => {
  /** The reference article names a symptom (`wombat calendar`) by a keyword; `others` more articles describe that symptom too. */
  const m = (others: number) =>
    new Matcher(
      kbOf([
        wombatReference(),
        ...[
          'Wombat calendar blank for delegates',
          'Wombat calendar missing after a move',
          'Shared wombat calendar not updated',
          'Wombat calendar shows old entries',
        ]
          .slice(0, others)
          .map((title, i) => describedArticle(`other-${i}`, title, `Users report the ${i + 1}st problem.`)),
      ]),
    );
  const offered = (r: MatchResult) => r.matches.filter((x) => x.score >= DEFAULT_PARAMETERS.decision.candidate).map((x) => x.article);

  it('offers the keyword alone while few other articles describe the symptom', () => {
    assert.ok(offered(m(3).match('Our wombat calendar is empty since Monday')).includes('reference'));
  });

  it("lists, but doesn't offer, the keyword alone once the titles and descriptions of five articles or more name it", () => {
    const r = m(4).match('Our wombat calendar is empty since Monday', { explain: true });
    assert.ok(!offered(r).includes('reference'));
    const listed = r.matches.find((x) => x.article === 'reference');
    assert.equal(listed?.score, DEFAULT_PARAMETERS.keywords.familyScore);
    assert.ok(listed?.why?.rules.some((x) => /the family's symptom, not this article's/.test(x.note)));
  });

  it("offers it with the article's topic phrases: symptom and cause named together", () => {
    assert.ok(offered(m(4).match('Our wombat calendar is empty since numbat signing was turned off')).includes('reference'));
  });
});
