import assert from 'node:assert/strict';
import { BUILTIN_KNOWLEDGE, loadKnowledge, type KnowledgeBase } from '../../src/knowledge/load';
import type { Article } from '../../src/knowledge/types';
import { ENGINES, engineByName, flatten, FUSE_MAX_SCORE, MINISEARCH_LEAD, MINISEARCH_MIN_SCORE } from '../../bench/engines';

/** Two more articles on other problems, so the baselines have something to rank against. */
function article(id: string, title: string, error: string): Article {
  return {
    id,
    title: { en: title },
    languages: ['en'],
    products: [{ name: 'Exchange Server', versions: [] }],
    symptoms: [{ id: 'main', description: { en: title }, errors: { en: [error] } }],
    cause: { en: 'A cause.' },
    affects: [],
    steps: [{ text: { en: 'A step.' } }],
    references: [],
  };
}

const OAUTH =
  "Exchange OAuth authentication couldn't find the authorization certificate with thumbprint 1A2B in your on-premises organization.";
const MOVE =
  'MigrationPermanentException: Cannot open mailbox /o=First Organization/ou=Exchange Administrative Group/cn=Configuration/cn=Servers';
const FEDERATION =
  'An error occurred while attempting to provision Exchange to the Partner STS. Detailed Information "An error occurred accessing Windows Live. ' +
  'Detailed information: "The underlying connection was closed: An unexpected error occurred on a send."';

function knowledge(): KnowledgeBase {
  const articles = [
    ...loadKnowledge([BUILTIN_KNOWLEDGE]).articles,
    article('oauth-certificate-missing', 'OAuth certificate not found when running the Hybrid Configuration Wizard', OAUTH),
    article('mailbox-move-permanent-exception', 'Mailbox move fails with MigrationPermanentException', MOVE),
  ];
  return { articles, byId: new Map(articles.map((a) => [a.id, a])), problems: [] };
}

describe('bench/engines', () => {
  const kb = knowledge();

  it('flattens an article into the searchable fields of the baselines, every language', () => {
    const flat = flatten(kb.byId.get('exo-legacy-tls-hybrid')!);
    assert.equal(flat.id, 'exo-legacy-tls-hybrid');
    assert.equal(flat.title.length, 2, 'German and English title');
    assert.ok(flat.errors.some((e) => e.startsWith('Fehler beim Versuch')));
    assert.ok(flat.errors.some((e) => e.includes('Partner STS')));
    assert.ok(flat.descriptions.length >= 8, 'four symptoms in two languages');
  });

  for (const engine of ENGINES) {
    describe(engine.label, () => {
      const searcher = engine.build(kb);

      it('ranks the article whose error text was pasted first, and answers the reference error', () => {
        const federation = searcher.search(FEDERATION);
        assert.equal(federation.ranked[0], 'exo-legacy-tls-hybrid');
        assert.equal(federation.decision, 'answer', `${engine.name} answers it`);
        assert.equal(searcher.search(OAUTH).ranked[0], 'oauth-certificate-missing');
        for (const paste of [FEDERATION, OAUTH, `New-MoveRequest : ${MOVE}`]) {
          const { ranked } = searcher.search(paste);
          assert.ok(ranked.length >= 1 && ranked.length <= 5, `${engine.name}: 1 to 5 ranked articles`);
          assert.equal(new Set(ranked).size, ranked.length, 'no article twice');
        }
        // Plain Fuse.js ranks the move error's own article second (the long TLS article shares more words); the others get it right.
        const move = searcher.search(`New-MoveRequest : ${MOVE}`).ranked;
        assert.ok(
          move.indexOf('mailbox-move-permanent-exception') <= (engine.name === 'fuse' ? 1 : 0),
          `${engine.name}: ${move.join(', ')}`,
        );
      });

      it('does not answer an unrelated error', () => {
        const outcome = searcher.search('550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup');
        assert.notEqual(outcome.decision, 'answer', `${engine.name} answered ${outcome.ranked[0]}`);
      });
    });
  }

  it("documents each baseline's answer/none rule with its thresholds", () => {
    assert.match(engineByName('fuse').rule, new RegExp(`≤ ${FUSE_MAX_SCORE}`));
    assert.match(engineByName('minisearch').rule, new RegExp(`≥ ${MINISEARCH_MIN_SCORE} and ≥ ${MINISEARCH_LEAD}×`));
    assert.throws(() => engineByName('lucene'), /bench: unknown engine "lucene" \(known: pastefix, fuse, minisearch\)/);
  });
});
