import assert from 'node:assert/strict';
import { loadKnowledge, type KnowledgeBase } from '../../src/knowledge/load';
import type { LexiconEntry } from '../../src/knowledge/lexicon';
import { Matcher } from '../../src/matching/matcher';
import { DEFAULT_PARAMETERS } from '../../src/matching/parameters';
import { fitsForm } from '../../src/matching/platformLines';
import { englishArticle as article } from '../helpers/articles';

/**
 * An error text whose inner message is a platform message (a lexicon entry marked `platform`), held by the paste without
 * its wrapper — alone, or under an outer sentence of the paste's own — is offered, not answered, unless the paste says it
 * happened in the article's scenario and nowhere else (platformLines.ts capPlatformInner, `score.innerOnly`).
 */
describe('matching rules: a platform message without its wrapper', () => {
  const lexicon: LexiconEntry[] = [
    { de: ['Der Quokkaserver hat einen Fehler zurückgegeben'], en: ['The quokka server returned an error'], platform: true, file: 'x' },
    { de: ['Unzulässig'], en: ['Forbidden'], platform: true, file: 'x' },
    { de: ['Der Wombat "{}" fehlt'], en: ["The wombat '{}' is missing"], platform: true, file: 'x' },
    { de: ['Numbatfehler'], en: ['numbat failure'], file: 'x' },
  ];
  const articles = [
    article(
      'walrus',
      [
        "The call to 'https://mail.<DomainName>.com/EWS/mrsproxy.svc' failed. Error details: The marmot request was refused by the bilby gateway. --> The quokka server returned an error: (403) Forbidden..",
      ],
      {
        title: { en: 'Forbidden when moving mailboxes with the MRS proxy' },
        cause: { en: 'New-MoveRequest calls the MRSProxy endpoint, which is disabled.' },
      },
    ),
    article('heron', ['Flamingo toucan synchronisation failed. Error details: numbat failure kiwi.']),
    article('other', ['Unrelated zebra text about the zoo.']),
  ];
  const kb = (lex: LexiconEntry[]): KnowledgeBase => ({
    articles,
    byId: new Map(articles.map((a) => [a.id, a])),
    problems: [],
    lexicon: lex,
  });
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(kb(lexicon));
  });
  const inner = 'The quokka server returned an error: (403) Forbidden.';

  it('answers the error with its wrapper, and the inner message alone when the lexicon does not mark it', () => {
    const whole =
      "The call to 'https://mail.contoso.com/EWS/mrsproxy.svc' failed. Error details: The marmot request was refused by the bilby gateway. --> The quokka server returned an error: (403) Forbidden..";
    for (const [matcher, paste] of [
      [m, whole],
      [new Matcher(kb(lexicon.map((e) => ({ ...e, platform: undefined })))), inner],
    ] as const) {
      const r = matcher.match(paste);
      assert.deepEqual([r.decision, r.matches[0].article], ['answer', 'walrus'], paste);
    }
  });

  it('offers it, first, when the paste holds only the platform message, alone or under a sentence of its own', () => {
    for (const paste of [inner, `The response is "The request failed. ${inner}"`, `Operation failed. ${inner}`]) {
      const r = m.match(paste, { explain: true });
      assert.equal(r.decision, 'clarify', paste);
      assert.equal(r.matches[0].article, 'walrus');
      assert.equal(r.matches[0].score, DEFAULT_PARAMETERS.score.innerOnly);
      assert.ok(
        r.matches[0].why!.rules.some(
          (x) => x.rule === 'inner-message' && x.note.includes('platform message (quokka server returned error; 403 forbidden)'),
        ),
        JSON.stringify(r.matches[0].why!.rules),
      );
    }
  });

  it("answers it where the paste names only the article's scenario (a move request), not beside another place", () => {
    const own = m.match(`We run New-MoveRequest -Remote.\n${inner}`);
    assert.deepEqual([own.decision, own.matches[0].article], ['answer', 'walrus']);
    const beside = m.match(`We run New-MoveRequest -Remote.\n${inner}\nWhen accessing OWA: page not found`, { explain: true });
    assert.equal(beside.decision, 'clarify');
    assert.ok(beside.matches[0].why!.rules.some((x) => x.note.includes('platform message')));
  });

  it("answers an inner message that is the article's own words, not a platform message", () => {
    const r = m.match('numbat failure kiwi');
    assert.deepEqual([r.decision, r.matches[0]?.article], ['answer', 'heron']);
  });

  it('reads a platform message across the colon that cuts it into units', () => {
    const over = [
      article('heron', [
        'Flamingo toucan synchronisation failed. Detailed information: "The quokka request was aborted: Could not create wombat channel."',
      ]),
      article('other', ['Unrelated zebra text about the zoo.']),
    ];
    const lex: LexiconEntry[] = [
      {
        de: ['Die Quokkaanfrage wurde abgebrochen: Wombatkanal fehlt'],
        en: ['The quokka request was aborted: Could not create wombat channel'],
        platform: true,
        file: 'x',
      },
    ];
    const r = new Matcher({ articles: over, byId: new Map(over.map((a) => [a.id, a])), problems: [], lexicon: lex }).match(
      'The quokka request was aborted: Could not create wombat channel.',
    );
    assert.deepEqual([r.decision, r.matches[0]?.article, r.matches[0]?.score], ['clarify', 'heron', DEFAULT_PARAMETERS.score.innerOnly]);
  });

  it('offers an error held only in its platform message (not its own details), unless the paste names a word of its title', () => {
    const whole = [
      article('heron', ['The quokka server returned an error: (500) Forbidden. Kiwi directory response: 00002098 emu dsid-0c090d11.'], {
        title: { en: 'Forbidden when syncing the flamingo ledger' },
      }),
      article('other', ['Unrelated zebra text about the zoo.']),
    ];
    const wm = new Matcher({ articles: whole, byId: new Map(whole.map((a) => [a.id, a])), problems: [], lexicon });
    const alone = wm.match('The quokka server returned an error: (500) Forbidden.', { explain: true });
    assert.deepEqual([alone.decision, alone.matches[0]?.article], ['clarify', 'heron']);
    assert.ok(alone.matches[0].why!.rules.some((x) => x.note.includes('only platform messages of the error')));
    const named = wm.match('Syncing the flamingo ledger stops: The quokka server returned an error: (500) Forbidden.');
    assert.deepEqual([named.decision, named.matches[0]?.article], ['answer', 'heron']);
    const details = wm.match('The quokka server returned an error: (500) Forbidden. Kiwi directory response: 00002098 emu dsid-0c090d11.');
    assert.deepEqual([details.decision, details.matches[0]?.article], ['answer', 'heron']);
  });

  it("reads a form's slots as any words between its parts", () => {
    const form = [['wombat'], ['missing']];
    assert.equal(fitsForm(['wombat', 'koala', 'emu', 'missing'], form), true);
    assert.equal(fitsForm(['wombat', 'missing'], form), true);
    assert.equal(fitsForm(['wombat', 'koala', 'missing', 'now'], form), false);
    assert.equal(fitsForm(['quokka', 'server'], [['quokka', 'server']]), true);
    assert.equal(fitsForm(['quokka', 'server', 'now'], [['quokka', 'server']]), false);
  });
});

describe('the shipped lexicon: HTTP 503 as .NET writes it and as a server sends it', () => {
  // .NET's own reason is `Server Unavailable`, a server's reason phrase (printed as sent by SOAP and HTTP clients) `Service Unavailable`.
  const lexicon = loadKnowledge([`${__dirname}/../../../knowledge`]).lexicon ?? [];
  const articles = [
    article('pony', ['Connecting the pony gateway failed. Error details: The request failed with HTTP status 503: Service Unavailable.']),
    article('other', ['Unrelated zebra text about the zoo.']),
  ];
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher({ articles, byId: new Map(articles.map((a) => [a.id, a])), problems: [], lexicon });
  });

  it('offers, not answers, the 503 line alone in either wording', () => {
    for (const paste of ['(503) Service Unavailable', 'The request failed with HTTP status 503: Service Unavailable.']) {
      const r = m.match(paste);
      assert.deepEqual(
        [r.decision, r.matches[0]?.article, r.matches[0]?.score],
        ['clarify', 'pony', DEFAULT_PARAMETERS.score.innerOnly],
        paste,
      );
    }
    assert.equal(
      m.match('Connecting the pony gateway failed. Error details: The request failed with HTTP status 503: Service Unavailable.').decision,
      'answer',
    );
  });
});

describe("matching rules: a platform message read as the index reads it, after a line of the article's own", () => {
  const lexicon: LexiconEntry[] = [
    {
      de: [],
      en: ['Couldn\'t find wombat "{}". Please make sure that it was spelled correctly or name another marsupial of the koala register'],
      platform: true,
      file: 'x',
    },
  ];
  const articles = [
    article(
      'heron',
      [
        'Get-FlamingoLedger\nCouldn\'t find wombat "<GUID>". Please make sure that it was spelled correctly or name another marsupial of the koala register.',
      ],
      {
        title: { en: 'Ledger sync fails between the zoos' },
      },
    ),
    article('other', ['Unrelated zebra text about the zoo.']),
  ];
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher({ articles, byId: new Map(articles.map((a) => [a.id, a])), problems: [], lexicon });
  });
  const message =
    'Couldn\'t find wombat "kim". Please make sure that it was spelled correctly or name another marsupial of the koala register.';

  it("offers the message alone though a contraction (`couldn't`) and the cmdlet's line before it stand in the article's text", () => {
    const r = m.match(message, { explain: true });
    assert.deepEqual([r.decision, r.matches[0]?.article, r.matches[0]?.score], ['clarify', 'heron', DEFAULT_PARAMETERS.score.innerOnly]);
    assert.ok(r.matches[0].why!.rules.some((x) => x.note.includes('only platform messages of the error')));
  });

  it("answers it with the article's own line before it, and unmarked", () => {
    const own = m.match(`Get-FlamingoLedger\n${message}`);
    assert.deepEqual([own.decision, own.matches[0]?.article], ['answer', 'heron']);
    const unmarked = new Matcher({
      articles,
      byId: new Map(articles.map((a) => [a.id, a])),
      problems: [],
      lexicon: lexicon.map((e) => ({ ...e, platform: undefined })),
    });
    assert.deepEqual([unmarked.match(message).decision, unmarked.match(message).matches[0]?.article], ['answer', 'heron']);
  });

  it("reads a title's word beside the message in prose, not inside the message's quoted value or a cmdlet's name", () => {
    const inValue = m.match(message.replace('"kim"', '"Ledger Sync"'), { explain: true });
    assert.deepEqual([inValue.decision, inValue.matches[0]?.article], ['clarify', 'heron']);
    assert.ok(inValue.matches[0].why!.rules.some((x) => x.note.includes('only platform messages of the error')));
    const inCmdlet = m.match(`Set-LedgerSync : ${message}`);
    assert.deepEqual([inCmdlet.decision, inCmdlet.matches[0]?.article], ['clarify', 'heron']);
    const inProse = m.match(`The ledger sync "Ledger Sync" fails: ${message}`);
    assert.deepEqual([inProse.decision, inProse.matches[0]?.article], ['answer', 'heron']);
  });

  it('translates nothing with an English-only entry, in either direction', () => {
    const german = [
      article('gans', [], {
        title: { de: 'Hauptbuch ohne Wombat' },
        languages: ['de'],
        symptoms: [{ id: 'main', description: { de: 'd' }, errors: { de: ['Der Wombat fehlt im Hauptbuch.'] } }],
        cause: { de: 'c' },
        steps: [{ text: { de: 's' } }],
      }),
    ];
    const g = new Matcher({
      articles: [...articles, ...german],
      byId: new Map([...articles, ...german].map((a) => [a.id, a])),
      problems: [],
      lexicon,
    });
    assert.equal(g.match(message).matches[0]?.article, 'heron');
    assert.equal(g.match('Der Wombat fehlt im Hauptbuch.').matches[0]?.article, 'gans');
  });
});

describe("the shipped lexicon: Exchange's cmdlet framework messages name no failure of their own", () => {
  const lexicon = loadKnowledge([`${__dirname}/../../../knowledge`]).lexicon ?? [];
  const articles = [
    article(
      'pony',
      [
        'Get-PonyRelationship\nCouldn\'t find object "<GUID>". Please make sure that it was spelled correctly or specify a different object.',
      ],
      { title: { en: 'Pony relationships vanish from the stable' } },
    ),
    article('rollback', ["The operation couldn't be performed because 'Mailbox1' matches multiple entries."], {
      title: { en: 'Stable rollback is stuck' },
    }),
    article('rules', ['There are multiple recipients matching the identity "<User>". Please specify a unique value'], {
      title: { en: 'There are multiple recipients matching the identity error when creating paddock rules' },
    }),
    article('region', ['Couldn\'t find database "<database>". Make sure you have typed it correctly.'], {
      title: { en: "Couldn't find database error when you run cmdlets for a pony in another region" },
    }),
    article('request', ["Couldn't find a request that matches the information provided. Reason: No such pony exists in the stable."], {
      title: { en: 'A pony subscription was not found' },
    }),
    article('other', ['Unrelated zebra text about the zoo.']),
  ];
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher({ articles, byId: new Map(articles.map((a) => [a.id, a])), problems: [], lexicon });
  });

  it('offers, not answers, a not-found or several-found message alone that an article prints for its own cmdlet', () => {
    for (const [paste, id] of [
      ['Couldn\'t find object "kim". Please make sure that it was spelled correctly or specify a different object.', 'pony'],
      ["Set-Mailbox : The operation couldn't be performed because 'kim' matches multiple entries.", 'rollback'],
      ['There are multiple recipients matching identity "kim". Please specify a unique value.', 'rules'],
      ["Couldn't find a request that matches the information provided.", 'request'],
      ['Couldn\'t find database "Pony Database 01". Make sure you have typed it correctly.', 'region'],
    ]) {
      const r = m.match(paste);
      assert.deepEqual(
        [r.decision, r.matches[0]?.article, r.matches[0]?.score],
        ['clarify', id, DEFAULT_PARAMETERS.score.innerOnly],
        paste,
      );
    }
  });

  it("answers it where the paste holds the article's cmdlet or names its title's words", () => {
    const own = m.match(
      'Get-PonyRelationship\nCouldn\'t find object "kim". Please make sure that it was spelled correctly or specify a different object.',
    );
    assert.deepEqual([own.decision, own.matches[0]?.article], ['answer', 'pony']);
    for (const [paste, id] of [
      ["The stable rollback stops: The operation couldn't be performed because 'kim' matches multiple entries.", 'rollback'],
      ['Creating paddock rules fails: There are multiple recipients matching the identity "kim". Please specify a unique value.', 'rules'],
      ["Couldn't find a request that matches the information provided. Reason: No such pony exists in the stable.", 'request'],
      ['For a pony in our other region: Couldn\'t find database "EURPR01DG123-db045". Make sure you have typed it correctly.', 'region'],
    ]) {
      const named = m.match(paste);
      assert.deepEqual([named.decision, named.matches[0]?.article], ['answer', id], paste);
    }
  });
});

describe("the shipped lexicon: .NET's, PowerShell's and the cmdlet framework's own lines around an article's cmdlet", () => {
  const lexicon = loadKnowledge([`${__dirname}/../../../knowledge`]).lexicon ?? [];
  const articles = [
    article('probe', ['WARNING: An unexpected error has occurred and a Watson dump is being generated: Sequence contains no elements'], {
      title: { en: 'Test-PonyConnectivity fails with an empty sequence' },
    }),
    article('policy', ["Error Message: A positional parameter cannot be found that accepts argument 'DisablePony'."], {
      title: { en: 'You cannot switch off pony sync' },
      cause: { en: 'Set-PonyPolicy no longer has the DisablePony switch.' },
    }),
    article('other', ['Unrelated zebra text about the zoo.']),
  ];
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher({ articles, byId: new Map(articles.map((a) => [a.id, a])), problems: [], lexicon });
  });

  it('offers, not answers, an empty sequence (also in German, also in the crash report) or a positional parameter alone', () => {
    for (const [paste, id] of [
      ['Sequence contains no elements', 'probe'],
      ['An unexpected error has occurred and a Watson dump is being generated: Sequence contains no elements', 'probe'],
      ['Die Sequenz enthält keine Elemente.', 'probe'],
      ["A positional parameter cannot be found that accepts argument 'Kim'.", 'policy'],
    ]) {
      const r = m.match(paste);
      assert.deepEqual([r.decision, r.matches[0]?.article], ['clarify', id], paste);
      assert.ok(r.matches[0].score <= DEFAULT_PARAMETERS.score.innerOnly, paste);
    }
  });

  it("answers them beside the article's cmdlet or its title's words", () => {
    for (const [paste, id] of [
      ['Test-PonyConnectivity fails: Sequence contains no elements', 'probe'],
      [
        "Set-PonyPolicy -Identity Default -DisablePony\nA positional parameter cannot be found that accepts argument 'DisablePony'.",
        'policy',
      ],
    ]) {
      const r = m.match(paste);
      assert.deepEqual([r.decision, r.matches[0]?.article], ['answer', id], paste);
    }
  });
});
