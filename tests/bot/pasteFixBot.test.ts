/**
 * Turn-level tests of every conversation flow, on botbuilder's TestAdapter with the real knowledge
 * base (built-in knowledge/) and the real Matcher.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Activity } from 'botbuilder';
import { allText, findAll } from './support/cards';
import {
  cardOf,
  createHarness,
  FEDERATION_COMMAND,
  FEDERATION_COMMAND_FILLED,
  flakyMatcher,
  goodCardOf,
  matcherWithFixtures,
  onlyReply,
  PASTES,
  type Harness,
} from './support/harness';
import { TEXTS } from '../../src/bot/texts';
import { RATEABLE_ANSWERS } from '../../src/bot/feedbackCheck';
import path from 'node:path';
import { BUILTIN_KNOWLEDGE, loadKnowledge } from '../../src/knowledge/load';
import { Matcher, MAX_PASTE_CHARS } from '../../src/matching/matcher';
import { LAST_RESORT } from '../helpers/articles';

const ARTICLE = 'exo-legacy-tls-hybrid';

let h: Harness;

const only = (replies: Partial<Activity>[]) => onlyReply(replies, h);

function expectGoodCard(reply: Partial<Activity>): Record<string, unknown> {
  const card = goodCardOf(reply);
  assert.deepEqual(card.msteams, { width: 'Full' });
  return card;
}

/** The numbered steps of an answer card: their number and everything shown beside it. */
function steps(card: Record<string, unknown>): { n: string; text: string }[] {
  return findAll(card, (o) => o.type === 'ColumnSet').map((set) => {
    const [number, content] = set.columns as unknown[];
    return { n: allText(number), text: allText(content) };
  });
}

describe('PasteFixBot (turn level)', () => {
  afterEach(() => h?.cleanup());

  describe('answer', () => {
    it('answers the German federation-trust error with a German card: cause, numbered steps, exact command', async () => {
      h = createHarness({ locale: 'de-DE' });
      const reply = only(await h.turn(PASTES.federationDe));
      const card = expectGoodCard(reply);
      const text = allText(card);

      assert.match(String(reply.text), /^Bekanntes Problem: Exchange-Hybrid ohne TLS 1\.2/);
      assert.match(String(reply.text), /Exchange Online nimmt auf keinem Endpunkt mehr TLS 1\.0 oder TLS 1\.1 an\.$/);
      for (const heading of ['Ursache', 'Betroffen', 'Lösung', 'Weitere Informationen', 'Erkannt: '])
        assert.ok(text.includes(heading), heading);
      assert.ok(text.includes('Exchange Online nimmt auf keinem Endpunkt mehr TLS 1.0 oder TLS 1.1 an.'));
      assert.ok(text.includes('Die Verbundvertrauensstellung lässt sich nicht erstellen'), 'the matched symptom');
      // The recognised line of the paste is quoted.
      assert.ok(text.includes('Fehler beim Zugriff auf Windows Live'), 'evidence from the paste');

      const numbered = steps(card);
      assert.deepEqual(
        numbered.map((s) => s.n),
        ['1.', '2.', '3.', '4.'],
      );
      assert.ok(numbered[0]!.text.startsWith('Aktivieren Sie TLS 1.2'));
      assert.ok(numbered[3]!.text.includes('Exchange-Verwaltungsshell'));

      const blocks = findAll(card, (o) => o.type === 'CodeBlock');
      assert.match(String(blocks[0]?.codeSnippet), /^foreach \(\$e in @\(@\('SYSTEM\\CurrentControlSet/, 'step 1: the TLS check');
      assert.deepEqual(
        blocks.slice(1).map((b) => b.codeSnippet),
        [
          'Add-PSSnapin Microsoft.Exchange.Management.PowerShell.E2010',
          '[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12',
          // The paste's own `-AccountNamespace contoso.com` is filled in.
          FEDERATION_COMMAND_FILLED,
        ],
      );
      assert.ok(blocks.every((b) => b.language === 'PowerShell'));
      // The filled placeholder keeps its explanation and says where the value came from, in German.
      assert.ok(
        numbered[3]!.text.includes(
          'Aus Ihrer Meldung eingesetzt – vor dem Ausführen prüfen:\n<account namespace>\n = \ncontoso.com\n – Die Domäne, die als Kontonamespace',
        ),
        numbered[3]!.text,
      );
      assert.ok(numbered[3]!.text.includes('(übernommen aus Set-FederatedOrganizationIdentifier -AccountNamespace in Ihrer Meldung)'));
      assert.ok(!numbered[3]!.text.includes('Vor dem Ausführen ersetzen'), 'nothing left to replace');

      const links = findAll(card, (o) => o.type === 'Action.OpenUrl').map((a) => a.url);
      assert.ok(links.includes('https://support.microsoft.com/help/3154518'));
      assert.ok(text.includes('Quelle: '));

      const buttons = (card.actions as Record<string, unknown>[]).map((a) => [a.type, a.title, a.data]);
      assert.deepEqual(buttons, [
        [
          'Action.Submit',
          'Hat geholfen',
          { action: 'feedback', helpful: true, article: ARTICLE, symptom: 'federation-trust', lang: 'de', answer: 1 },
        ],
        [
          'Action.Submit',
          'Hat nicht geholfen',
          { action: 'feedback', helpful: false, article: ARTICLE, symptom: 'federation-trust', lang: 'de', answer: 1 },
        ],
      ]);
    });

    it('answers the English error with an English card', async () => {
      h = createHarness({ locale: 'en-US' });
      const card = expectGoodCard(only(await h.turn(PASTES.federationEn)));
      const text = allText(card);
      assert.ok(text.startsWith('Hybrid Exchange without TLS 1.2: free/busy, cloud archive and federation trust fail'));
      for (const heading of ['Cause', 'Affected', 'Fix', 'Recognised: ']) assert.ok(text.includes(heading), heading);
      assert.ok(text.includes('Exchange Online no longer accepts TLS 1.0 or TLS 1.1 on any of its endpoints.'));
      assert.ok(text.includes('Free/busy lookups from on-premises mailboxes to Exchange Online mailboxes'));
      assert.ok(text.includes('The underlying connection was closed'), 'evidence');
      assert.deepEqual(
        steps(card).map((s) => s.n),
        ['1.', '2.', '3.', '4.'],
      );
      assert.ok(findAll(card, (o) => o.type === 'CodeBlock').some((b) => b.codeSnippet === FEDERATION_COMMAND_FILLED));
      assert.ok(text.includes('<account namespace>\n = \ncontoso.com\n – The domain used as the account namespace'));
      assert.ok(text.includes('(taken from Set-FederatedOrganizationIdentifier -AccountNamespace in your paste)'));
      assert.deepEqual(
        (card.actions as { title: string }[]).map((a) => a.title),
        ['This solved it', "Didn't help"],
      );
    });

    it('shows pasted text literally: no Markdown, links or HTML from the paste reach the card', async () => {
      h = createHarness({ locale: 'en-US' });
      const hostile = PASTES.federationEn.replace(
        'An error occurred while',
        '**[click me](https://evil.example/x)** <img src=x> An error occurred while',
      );
      const card = expectGoodCard(only(await h.turn(hostile)));
      const carriers = findAll(
        card,
        (o) => typeof o.text === 'string' && o.text.includes('**[click me]') && o.text.includes('<img src=x>'),
      );
      assert.ok(carriers.length > 0, 'the evidence line is quoted');
      assert.ok(
        carriers.every((o) => o.type === 'TextRun'),
        'only in TextRuns, which clients never read as Markdown',
      );
      assert.deepEqual(
        findAll(card, (o) => o.type === 'Action.OpenUrl' && String(o.url).includes('evil')),
        [],
      );
    });

    it("without a locale, answers in the paste's language", async () => {
      h = createHarness();
      const reply = only(await h.turn(PASTES.federationDe));
      assert.ok(allText(cardOf(reply)).includes('Ursache'));
    });

    it("the user's locale wins over the paste's language (German admin, English server)", async () => {
      h = createHarness({ locale: 'de-DE' });
      const text = allText(cardOf(only(await h.turn(PASTES.federationEn))));
      assert.ok(text.includes('Ursache'));
      assert.ok(text.includes('An error occurred'), 'the English evidence line is quoted as pasted');
    });

    it('sends the full answer as Markdown where the channel has no Adaptive Cards', async () => {
      h = createHarness({ channelId: 'slack', locale: 'en-US' });
      const reply = only(await h.turn(PASTES.federationEn));
      assert.equal(reply.attachments, undefined);
      assert.equal(reply.textFormat, 'markdown');
      const text = String(reply.text);
      assert.ok(text.startsWith('**Hybrid Exchange without TLS 1.2: free/busy, cloud archive and federation trust fail**'));
      assert.ok(text.includes(`\`\`\`powershell\n   ${FEDERATION_COMMAND_FILLED}\n   \`\`\``), text);
      assert.ok(text.includes('4. If it still fails'));
      assert.ok(text.includes('- `<account namespace>` = `contoso.com` – The domain used'), text);
      assert.ok(text.includes('_(taken from Set-FederatedOrganizationIdentifier -AccountNamespace in your paste)_'), text);
    });
  });

  describe('clarify', () => {
    const VAGUE_DE = 'Frei/Gebucht geht nicht';

    it('asks when unsure, keeps the choice, and answers the picked candidate (button)', async () => {
      h = createHarness({ locale: 'de-DE' });
      const ask = only(await h.turn(VAGUE_DE));
      const card = expectGoodCard(ask);
      assert.ok(allText(card).includes('Frei/Gebucht'), 'the candidate line');
      const actions = findAll(card, (o) => o.type === 'Action.Submit') as { title: string; data: Record<string, unknown> }[];
      assert.deepEqual(
        actions.map((a) => a.title),
        ['1 – das ist es', 'Keines davon'],
      );
      const first = actions[0]!;
      assert.equal(first.data.article, ARTICLE);

      const answer = only(await h.turn({ type: 'message', value: first.data, locale: 'de-DE' }));
      const answerCard = expectGoodCard(answer);
      assert.ok(allText(answerCard).includes('Ursache'));
      assert.ok(allText(answerCard).includes(VAGUE_DE), 'the evidence of the original paste');
      assert.deepEqual((answerCard.actions as { data: { symptom: string } }[])[0]!.data.symptom, first.data.symptom);
    });

    it('accepts the typed number, and a number with nothing pending is not searched', async () => {
      h = createHarness({ locale: 'en-US' });
      expectGoodCard(only(await h.turn('cloud archive cannot be opened')));
      const answer = only(await h.turn('1'));
      const text = allText(cardOf(answer));
      assert.ok(text.includes('Users whose primary mailbox is on premises cannot open their archive mailbox'));
      assert.equal(only(await h.turn('1')).text, TEXTS.en.noPendingChoice);
    });

    it('offers two close articles with how they differ; the second is picked by button or by typing 2', async () => {
      h = createHarness({ locale: 'en-US', matcher: matcherWithFixtures });
      const card = expectGoodCard(only(await h.turn('free/busy information is missing')));
      const text = allText(card);
      assert.ok(text.startsWith(TEXTS.en.clarifyIntro));
      assert.ok(text.includes('1. \nHybrid Exchange without TLS 1.2: free/busy, cloud archive and federation trust fail'));
      assert.ok(text.includes('On-premises users see no free/busy information for mailboxes in Exchange Online.'));
      assert.ok(text.includes('2. \nHybrid free/busy and cloud archive fail: OAuth authentication is not configured'));
      assert.ok(text.includes('the OAuth test fails.'));
      const actions = findAll(card, (o) => o.type === 'Action.Submit') as { title: string; data: Record<string, unknown> }[];
      assert.deepEqual(
        actions.map((a) => a.title),
        ['1 – this one', '2 – this one', 'None of these'],
      );
      assert.deepEqual(actions[1]!.data, {
        action: 'choose',
        index: 2,
        article: 'hybrid-oauth-free-busy',
        symptom: 'free-busy-oauth',
        lang: 'en',
      });

      const byButton = expectGoodCard(only(await h.turn({ type: 'message', value: actions[1]!.data })));
      assert.ok(allText(byButton).includes('Test-OAuthConnectivity -Service EWS'));

      expectGoodCard(only(await h.turn('free/busy information is missing')));
      const byNumber = expectGoodCard(only(await h.turn('2')));
      assert.ok(allText(byNumber).startsWith('Hybrid free/busy and cloud archive fail'));
      assert.equal(only(await h.turn('2')).text, TEXTS.en.noPendingChoice, 'the choice is used up');

      expectGoodCard(only(await h.turn('free/busy information is missing')));
      assert.equal(only(await h.turn('4')).text, TEXTS.en.choiceOutOfRange(2));
      assert.ok(String(only(await h.turn('3')).text).startsWith(TEXTS.en.notFoundNoted), '3 = none of these (Markdown numbering)');
    });

    it('"none of these" records the paste as unmatched', async () => {
      h = createHarness({ locale: 'en-US' });
      const card = cardOf(only(await h.turn('cloud archive cannot be opened for alice@contoso.com')))!;
      const none = (card.actions as { data: Record<string, unknown> }[]).at(-1)!.data;
      const reply = only(await h.turn({ type: 'message', value: none }));
      assert.ok(String(reply.text).includes(TEXTS.en.howToPaste));
      const entries = h.logEntries();
      assert.equal(entries.length, 1);
      assert.deepEqual(
        { ...entries[0] },
        {
          kind: 'unmatched',
          reason: 'none-of-these',
          paste: 'cloud archive cannot be opened for <email>',
          lang: 'en',
          time: '2026-01-02T03:04:05.000Z',
          channel: 'test',
        },
      );
    });
  });

  describe('none', () => {
    it('says honestly it does not know, how to paste, the topics — and logs the masked paste', async () => {
      h = createHarness({ locale: 'en-US' });
      const paste = `${PASTES.unknown}\nCorrelation ID: 0f8fad5b-d9cb-469f-a165-70867728950e, user admin@contoso.com, password=Sommer2024!`;
      const reply = only(await h.turn(paste));
      assert.equal(reply.attachments, undefined);
      const text = String(reply.text);
      assert.ok(text.startsWith(`${TEXTS.en.notFound}\n${TEXTS.en.notFoundNoted}\n\n${TEXTS.en.howToPaste}`), text);
      assert.ok(text.includes('These are the topics I know:\n\n- Hybrid Exchange without TLS 1.2'));
      assert.ok(text.includes('`show exo-legacy-tls-hybrid`'));

      const [entry] = h.logEntries();
      assert.equal(entry?.kind, 'unmatched');
      assert.equal(entry?.paste, `${PASTES.unknown}\nCorrelation ID: <guid>, user <email>, password=<secret>`);
      const raw = fs.readFileSync(h.logFile(), 'utf8');
      for (const secret of ['Sommer2024', 'admin@contoso.com', '0f8fad5b']) assert.ok(!raw.includes(secret), secret);
    });
  });

  describe('commands', () => {
    it('help: German for "hilfe" whatever the locale, and remembered for later turns', async () => {
      h = createHarness({ locale: 'en-US' });
      assert.equal(only(await h.turn('hilfe')).text, TEXTS.de.helpMd);
      assert.equal(only(await h.turn('help')).text, TEXTS.de.helpMd, 'the conversation stays German');
    });

    it('help in English, and in German for a de-DE locale', async () => {
      h = createHarness({ locale: 'en-US' });
      assert.equal(only(await h.turn('help')).text, TEXTS.en.helpMd);
      h.cleanup();
      h = createHarness({ locale: 'de-DE' });
      assert.equal(only(await h.turn('/help')).text, TEXTS.de.helpMd);
    });

    it('topics / themen list the articles with their ids', async () => {
      h = createHarness({ locale: 'en-US' });
      assert.equal(
        only(await h.turn('topics')).text,
        'These are the topics I know:\n\n- Hybrid Exchange without TLS 1.2: free/busy, cloud archive and federation trust fail – `show exo-legacy-tls-hybrid`',
      );
      assert.equal(
        only(await h.turn('themen')).text,
        'Diese Themen kenne ich:\n\n- Exchange-Hybrid ohne TLS 1.2: Frei/Gebucht, Cloudarchiv und Verbundvertrauensstellung schlagen fehl – `zeige exo-legacy-tls-hybrid`',
      );
    });

    it('show / zeige give the whole article; unknown ids and a missing id get a clear reply', async () => {
      h = createHarness({ locale: 'en-US' });
      const card = expectGoodCard(only(await h.turn(`show ${ARTICLE}`)));
      assert.ok(!allText(card).includes('Recognised'), 'no symptom without a paste');
      assert.ok(findAll(card, (o) => o.type === 'CodeBlock').some((b) => b.codeSnippet === FEDERATION_COMMAND));
      assert.ok(allText(expectGoodCard(only(await h.turn(`zeige ${ARTICLE}`)))).includes('Ursache'));
      assert.equal(only(await h.turn('zeige nope')).text, 'Einen Artikel mit der ID „nope“ kenne ich nicht. `themen` listet alle auf.');
      assert.equal(only(await h.turn('zeige')).text, TEXTS.de.showUsageMd);
    });
  });

  describe('a long shot (nothing recognised, the prose fits weakly)', () => {
    // The last resort's matcher test (descriptionFields.test.ts) on the same articles and post.
    const matcher = new Matcher(LAST_RESORT.kb());
    const { story } = LAST_RESORT;

    it('offers the choice saying it does not know the error for sure, in the user’s language, on cards and in Markdown', async () => {
      assert.ok(matcher.match(story).matches.every((m) => m.weak));
      h = createHarness({ locale: 'en-US', matcher: () => matcher });
      const text = allText(expectGoodCard(only(await h.turn(story))));
      assert.ok(text.startsWith(TEXTS.en.clarifyIntroWeak), text.slice(0, 120));
      assert.ok(text.includes('Staff portraits never refresh in the cloud'), text);
      h = createHarness({ locale: 'de-DE', matcher: () => matcher });
      assert.ok(allText(expectGoodCard(only(await h.turn(story)))).startsWith(TEXTS.de.clarifyIntroWeak));
      h = createHarness({ locale: 'en-US', channelId: 'email', matcher: () => matcher });
      assert.ok(only(await h.turn(story)).text!.startsWith(TEXTS.en.clarifyIntroWeak));
      // The choice works as any clarify: a number picks the article.
      h = createHarness({ locale: 'en-US', matcher: () => matcher });
      await h.turn(story);
      assert.ok(allText(expectGoodCard(only(await h.turn('1')))).startsWith('Staff portraits never refresh in the cloud'));
    });

    it('logs the paste as a gap in the knowledge base once, whatever the user picks (`kb gaps` reads it)', async () => {
      h = createHarness({ locale: 'en-US', matcher: () => matcher });
      const card = cardOf(only(await h.turn(story)))!;
      assert.deepEqual(
        h.logEntries().map((e) => [e.kind, (e as { reason?: string }).reason]),
        [['unmatched', 'long-shot']],
      );
      const none = (card.actions as { data: Record<string, unknown> }[]).at(-1)!.data;
      await h.turn({ type: 'message', value: none });
      assert.equal(h.logEntries().length, 1, 'not again for "none of these"');
    });
  });

  describe('an error that several articles hold word for word', () => {
    it('answers with the best one and names the others with the command that opens them', async () => {
      const kb = loadKnowledge([BUILTIN_KNOWLEDGE, path.resolve(__dirname, '../../../tests/bot/fixtures-same-error')]);
      assert.deepEqual(kb.problems, []);
      const matcher = new Matcher(kb);
      h = createHarness({ locale: 'de-DE', matcher: () => matcher });
      // The fixture holds only the English error text; the reply language comes from the locale.
      const card = expectGoodCard(only(await h.turn(PASTES.federationEn)));
      const text = allText(card);
      assert.ok(text.startsWith('Exchange-Hybrid ohne TLS 1.2'), text.slice(0, 80));
      assert.ok(
        text.includes(
          'Auch beschrieben in\n•  Partner STS trust fails while the proxy blocks TLS 1.2 (fixture)  \nzeige partner-sts-send-elsewhere',
        ),
        text,
      );
      h = createHarness({ locale: 'en-US', channelId: 'email', matcher: () => matcher });
      const markdown = only(await h.turn(PASTES.federationEn)).text!;
      assert.ok(
        markdown.includes(
          '**Also described in**\n\n- Partner STS trust fails while the proxy blocks TLS 1.2 \\(fixture\\) (`show partner-sts-send-elsewhere`)',
        ),
        markdown,
      );
    });
  });

  describe('article languages', () => {
    it('shows an English-only article to a German user in English, with German headings and a note', async () => {
      const kb = loadKnowledge([path.resolve(__dirname, '../../../tests/bot/fixtures-english-only')]);
      assert.deepEqual(kb.problems, []);
      const matcher = new Matcher(kb);
      h = createHarness({ locale: 'de-DE', matcher: () => matcher });
      const card = expectGoodCard(only(await h.turn('zeige english-only-article')));
      const text = allText(card);
      assert.ok(text.startsWith('Mailbox move stalls at StalledDueToTarget_MdbAvailability'));
      assert.ok(text.includes('Dieser Artikel liegt nur auf Englisch vor.'));
      assert.ok(text.includes('Ursache\nThe target database is busy with replication.'));
      assert.ok(text.includes('Exchange Online PowerShell'));
    });
  });

  it('keeps a transcript through botbuilder-testing (used in failure messages)', async () => {
    h = createHarness({ locale: 'en-US' });
    await h.turn('help');
    assert.ok(
      h.transcript.some((line) => line.includes('help')),
      h.transcript.join('\n'),
    );
  });

  describe('greetings and thanks', () => {
    it('answer briefly and never search', async () => {
      const spy = flakyMatcher(new Error('unused'), 0);
      h = createHarness({ matcher: () => spy, locale: 'en-US' });
      assert.equal(only(await h.turn('Hallo!')).text, TEXTS.de.greeting);
      assert.equal(only(await h.turn('thanks')).text, TEXTS.en.thanks);
      assert.equal(only(await h.turn('Vielen Dank')).text, TEXTS.de.thanks);
      assert.equal(only(await h.turn('hi')).text, TEXTS.de.greeting, '"hi" keeps the language chosen before');
      assert.equal(spy.calls, 0);
      assert.deepEqual(h.logEntries(), []);
    });
  });

  describe('feedback', () => {
    it('logs "didn\'t help" with the masked paste and thanks in the card\'s language', async () => {
      h = createHarness({ locale: 'de-DE' });
      const paste = `${PASTES.federationDe}\nAngemeldet als admin@contoso.com, Tenant 72f988bf-86f1-41af-91ab-2d7cd011db47\nAuthorization: Bearer eyJ0eXAiOiJKV1QiLCJhbGciOi.eyJhdWQiOiJodHRwczovL2.SflKxwRJSMeKKF2QT4fwpM`;
      const card = cardOf(only(await h.turn(paste)))!;
      const notHelpful = (card.actions as { data: Record<string, unknown> }[])[1]!.data;
      const reply = only(await h.turn({ type: 'message', value: notHelpful, locale: 'en-US' }));
      assert.equal(reply.text, TEXTS.de.feedbackSorry);

      const entries = h.logEntries();
      assert.equal(entries.length, 1);
      const entry = entries[0]!;
      assert.equal(entry.kind, 'feedback');
      assert.ok(entry.kind === 'feedback');
      assert.equal(entry.helpful, false);
      assert.equal(entry.article, ARTICLE);
      assert.equal(entry.symptom, 'federation-trust');
      assert.ok(entry.paste?.includes('Angemeldet als <email>, Tenant <guid>'), entry.paste);
      assert.ok(entry.paste?.includes('Authorization: Bearer <secret>') || entry.paste?.includes('<token>'), entry.paste);
      const raw = fs.readFileSync(h.logFile(), 'utf8');
      for (const secret of ['admin@contoso.com', '72f988bf', 'eyJ0eXAi', 'SflKxwRJ']) assert.ok(!raw.includes(secret), secret);
      assert.equal(raw.split('\n').filter(Boolean).length, 1, 'one JSON line');

      // One rating per answer: a second click is not recorded.
      const again = only(await h.turn({ type: 'message', value: { ...notHelpful, helpful: true } }));
      assert.equal(again.text, TEXTS.de.feedbackAlreadyGiven);
      assert.equal(h.logEntries().length, 1);
    });

    it('records only answers this conversation was shown, once each, with ids the knowledge base has', async () => {
      h = createHarness({ locale: 'en-US' });
      const first = cardOf(only(await h.turn(PASTES.federationEn)))!;
      const second = cardOf(only(await h.turn(`show ${ARTICLE}`)))!;
      const rate = (card: Record<string, unknown>, i: 0 | 1) => (card.actions as { data: Record<string, unknown> }[])[i]!.data;
      assert.equal(rate(first, 0).answer, 1);
      assert.equal(rate(second, 0).answer, 2);

      const forged: [Record<string, unknown>, string][] = [
        [{ ...rate(first, 1), article: 'x'.repeat(900_000) }, 'too-long'],
        [{ ...rate(first, 1), symptom: 'y'.repeat(101) }, 'too-long'],
        [{ ...rate(first, 1), article: 'no-such-article' }, 'unknown-article'],
        [{ ...rate(first, 1), symptom: 'no-such-symptom' }, 'unknown-symptom'],
        [{ ...rate(first, 1), answer: 3 }, 'not-shown'],
        [{ ...rate(first, 1), symptom: 'free-busy' }, 'not-shown'],
      ];
      for (const [value, reason] of forged) {
        const before = h.logs.length;
        assert.equal(only(await h.turn({ type: 'message', value })).text, TEXTS.en.feedbackNotRecorded, reason);
        const refused = h.logs.slice(before).find((l) => l.msg === 'feedback refused');
        assert.equal(refused?.reason, reason);
        assert.ok(String(refused?.article).length <= 100, 'the log holds at most 100 characters of it');
      }
      assert.deepEqual(h.logEntries(), []);

      // Both real answers can be rated, each once; the first one's card carries no paste (only the latest keeps it).
      assert.equal(only(await h.turn({ type: 'message', value: rate(first, 1) })).text, TEXTS.en.feedbackSorry);
      assert.equal(only(await h.turn({ type: 'message', value: rate(second, 0) })).text, TEXTS.en.feedbackThanks);
      assert.equal(only(await h.turn({ type: 'message', value: rate(first, 0) })).text, TEXTS.en.feedbackAlreadyGiven);
      // A card from before answers were numbered rates the latest matching answer not yet rated: none left.
      const { answer: _n, ...unnumbered } = rate(second, 1);
      assert.equal(only(await h.turn({ type: 'message', value: unnumbered })).text, TEXTS.en.feedbackAlreadyGiven);
      assert.deepEqual(
        h.logEntries().map((e) => e.kind === 'feedback' && [e.article, e.symptom, e.helpful, e.paste === undefined]),
        [
          [ARTICLE, 'federation-trust', false, true],
          [ARTICLE, null, true, true],
        ],
      );
    });

    it('only the latest answers can be rated, so conversation state stays small', async () => {
      h = createHarness({ locale: 'en-US' });
      const cards: Record<string, unknown>[] = [];
      for (let i = 0; i < RATEABLE_ANSWERS + 1; i++) cards.push(cardOf(only(await h.turn(`show ${ARTICLE}`)))!);
      const rate = (card: Record<string, unknown>) => (card.actions as { data: Record<string, unknown> }[])[0]!.data;
      assert.equal(only(await h.turn({ type: 'message', value: rate(cards[0]!) })).text, TEXTS.en.feedbackNotRecorded);
      assert.equal(only(await h.turn({ type: 'message', value: rate(cards[1]!) })).text, TEXTS.en.feedbackThanks);
    });

    it('ignores card values that are not ours', async () => {
      h = createHarness({ locale: 'en-US' });
      const reply = only(await h.turn({ type: 'message', value: { action: 'feedback', helpful: 'yes' }, text: '' }));
      assert.equal(reply.text, TEXTS.en.greeting);
      assert.deepEqual(h.logEntries(), []);
    });
  });

  describe('long pastes', () => {
    /** Lines of log noise around the error, like an HCW log. */
    function noisyLog(chars: number, error: string): string {
      const noise: string[] = [];
      let size = 0;
      for (let i = 0; size < chars; i++) {
        const line = `2026-01-02 03:04:${String(i % 60).padStart(2, '0')} [Thread ${i % 17}] INFO Checking connector ${i} on server EX${i % 4}.contoso.local`;
        noise.push(line);
        size += line.length + 1;
      }
      const middle = Math.floor(noise.length / 2);
      return [...noise.slice(0, middle), error, ...noise.slice(middle)].join('\n');
    }

    it(`answers a paste just under the ${MAX_PASTE_CHARS}-character limit in full`, async () => {
      h = createHarness({ locale: 'en-US' });
      const paste = noisyLog(MAX_PASTE_CHARS - 1_000, PASTES.federationEn);
      assert.ok(paste.length > MAX_PASTE_CHARS - 1_000 && paste.length <= MAX_PASTE_CHARS);
      const card = expectGoodCard(only(await h.turn(paste)));
      assert.ok(allText(card).includes('Exchange Online no longer accepts TLS 1.0'));
      assert.ok(!allText(card).includes('very long'));
    });

    it('above the limit, matches the error-looking part and says so', async () => {
      h = createHarness({ locale: 'en-US' });
      const paste = noisyLog(MAX_PASTE_CHARS + 100_000, PASTES.federationEn);
      const card = expectGoodCard(only(await h.turn(paste)));
      const kb = Math.round(Buffer.byteLength(paste) / 1024);
      assert.ok(allText(card).includes(`Your paste was very long (${kb} KB). I matched only the part that looks like the error.`));
      assert.ok(findAll(card, (o) => o.type === 'CodeBlock').some((b) => b.codeSnippet === FEDERATION_COMMAND_FILLED));
    });
  });

  describe('errors', () => {
    it("a failing matcher gets an apology in the user's language, is logged with the activity id, and the next turn works", async () => {
      const flaky = flakyMatcher(new Error('index exploded'));
      h = createHarness({ matcher: () => flaky, locale: 'de-DE' });
      const apology = only(await h.turn({ type: 'message', text: PASTES.federationDe, id: 'activity-17', locale: 'de-DE' }));
      assert.equal(apology.text, TEXTS.de.apology);
      const logged = h.logs.find((l) => l.msg === 'turn failed');
      assert.equal(logged?.activityId, 'activity-17');
      assert.equal((logged?.err as { message: string }).message, 'index exploded');
      expectGoodCard(only(await h.turn(PASTES.federationDe)));
    });
  });

  describe('handlers registered on the bot', () => {
    it('run on a paste turn as ActivityHandler runs them: turn, then message (after the answer), then dialog', async () => {
      h = createHarness();
      const order: string[] = [];
      h.bot.onTurn(async (_context, next) => {
        order.push('turn');
        await next();
      });
      h.bot.onMessage(async (context, next) => {
        // The bot's own message handler was registered first: its answer is sent by now.
        order.push(`message after ${h.adapter.activeQueue.length} reply`);
        await context.sendActivity('from another handler');
        await next();
      });
      h.bot.onDialog(async (_context, next) => {
        order.push('dialog');
        await next();
      });
      const replies = await h.turn(PASTES.federationEn);
      assert.deepEqual(order, ['turn', 'message after 1 reply', 'dialog']);
      assert.equal(replies.length, 2);
      expectGoodCard(replies[0]!);
      assert.equal(replies[1]!.text, 'from another handler');
    });

    it('an onTurn or onDialog handler alone also runs, and the paste is still answered', async () => {
      for (const register of ['onTurn', 'onDialog'] as const) {
        h = createHarness();
        let ran = 0;
        h.bot[register](async (_context, next) => {
          ran++;
          await next();
        });
        expectGoodCard(only(await h.turn(PASTES.federationEn)));
        assert.equal(ran, 1, register);
        h.cleanup();
      }
    });
  });

  describe('Teams', () => {
    const teams = (extra: Partial<Activity>): Partial<Activity> => ({
      type: 'message',
      channelId: 'msteams',
      locale: 'de-DE',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      from: { id: '29:1abc', name: 'Alex Admin', aadObjectId: '00000000-0000-0000-0000-0000000000aa' },
      recipient: { id: '28:bot-app-id', name: 'PasteFix' },
      channelData: { tenant: { id: 'tenant-1' } },
      ...extra,
    });

    it('removes the @mention in a group chat before matching', async () => {
      h = createHarness();
      const reply = only(
        await h.turn(
          teams({
            text: `<at>PasteFix</at> ${PASTES.federationDe}`,
            conversation: { id: '19:group@thread.v2', conversationType: 'groupChat', isGroup: true, name: '' },
            entities: [{ type: 'mention', text: '<at>PasteFix</at>', mentioned: { id: '28:bot-app-id', name: 'PasteFix' } }],
          }),
        ),
      );
      const card = expectGoodCard(reply);
      assert.ok(allText(card).includes('Ursache'));
      const logged = h.logs.find((l) => l.msg === 'paste text');
      assert.ok(String(logged?.paste).startsWith('[PS]'), 'the mention is gone from the matched text');
      assert.equal(
        only(
          await h.turn(
            teams({
              text: '<at>PasteFix</at> hilfe',
              conversation: { id: '19:group@thread.v2', conversationType: 'groupChat', isGroup: true, name: '' },
              entities: [{ type: 'mention', text: '<at>PasteFix</at>', mentioned: { id: '28:bot-app-id', name: 'PasteFix' } }],
            }),
          ),
        ).text,
        TEXTS.de.helpMd,
      );
    });

    it('does not answer other bots', async () => {
      h = createHarness();
      const replies = await h.turn(
        teams({
          from: { id: '28:other-bot', name: 'Other bot' },
          text: PASTES.federationDe,
          conversation: { id: '19:group@thread.v2', conversationType: 'groupChat', isGroup: true, name: '' },
        }),
      );
      assert.deepEqual(replies, []);
    });

    it('welcomes once when installed (membersAdded with the bot itself) and not when others join a team', async () => {
      h = createHarness();
      const personal = { id: 'a:1personal', conversationType: 'personal', isGroup: false, name: '' };
      const installed = await h.turn(
        teams({ type: 'conversationUpdate', conversation: personal, membersAdded: [{ id: '28:bot-app-id', name: '' }] }),
      );
      assert.equal(only(installed).text, TEXTS.de.welcomeMd);
      assert.deepEqual(
        await h.turn(teams({ type: 'conversationUpdate', conversation: personal, membersAdded: [{ id: '29:1abc', name: '' }] })),
        [],
        'welcomed once per conversation',
      );
      const channel = { id: '19:general@thread.tacv2', conversationType: 'channel', isGroup: true, name: '' };
      assert.deepEqual(
        await h.turn(teams({ type: 'conversationUpdate', conversation: channel, membersAdded: [{ id: '29:newcomer', name: '' }] })),
        [],
      );
    });

    it('welcomes a user opening a 1:1 chat in Web Chat (English)', async () => {
      h = createHarness({ channelId: 'webchat' });
      const replies = await h.turn({
        type: 'conversationUpdate',
        locale: 'en-US',
        membersAdded: [{ id: 'user-1', name: 'User' }],
        conversation: { id: 'dl-1', isGroup: false, conversationType: '', name: '' },
      });
      assert.equal(only(replies).text, TEXTS.en.welcomeMd);
    });
  });
});
