import assert from 'node:assert/strict';
import { englishArticle, explainedOutcome } from '../helpers/articles';

// A made-up bounce: its status line, as two articles quote it.
const LINE = '#550 5.1.91 RESOLVER.ADR.WombatNotFound; not found ##';
/** An article about one scenario of the bounce: its error text is the status line alone, its title names no code. */
const scenario = englishArticle('pony-users-no-quokka-mail', [LINE], {
  title: { en: 'Pony users cannot get quokka mail in a numbat deployment' },
});
/** An article titled with the bounce's code, whose longer error text (the whole NDR) holds the same line. */
const titled = (line = LINE) =>
  englishArticle(
    'wombatnotfound-ndr',
    [`Generating server: <server name>.local. IMCEAEX-_O=CONTOSO_cn=<user>@<server name>.local. ${line}`],
    {
      title: { en: '"550 5.1.91 RESOLVER.ADR.WombatNotFound" when sending from the kangaroo client' },
    },
  );
const far = englishArticle('far', ['Replication of the dingo database copy failed.']);

const outcome = explainedOutcome;

describe('matching: an NDR status line held by an article titled with its code is no answer for one scenario of it', () => {
  it('offers the scenario article with the titled one right after it when the paste names neither title', () => {
    for (const text of [LINE, `After the archive import, replies to old messages bounce with ${LINE}`]) {
      const r = outcome([scenario, titled(), far], text);
      assert.equal(r.decision, 'clarify', text);
      assert.deepEqual(r.articles.slice(0, 2), ['pony-users-no-quokka-mail', 'wombatnotfound-ndr'], text);
      assert.match(r.notes, /one scenario of that bounce/);
    }
  });

  it('answers the scenario when the paste names its title ahead of the other one', () => {
    const r = outcome([scenario, titled(), far], `${LINE} - our pony users cannot get any quokka mail`);
    assert.deepEqual([r.decision, r.articles[0]], ['answer', 'pony-users-no-quokka-mail']);
  });

  it('answers when no other article holds the whole line, or no title names its code', () => {
    // The titled article quotes only the code: the paste's line is the scenario's.
    const short = englishArticle('wombatnotfound-ndr', ['550 5.1.91'], { title: titled().title });
    assert.deepEqual(outcome([scenario, short, far], LINE).decision, 'answer');
    // The same longer NDR under a title without the code: two scenarios, and the shorter text is the line itself.
    const untitled = englishArticle('wombatnotfound-ndr', titled().symptoms[0].errors.en!, { title: { en: 'Kangaroo client bounces' } });
    assert.deepEqual(outcome([scenario, untitled, far], LINE).decision, 'answer');
  });

  describe('the article about the code (its error text the code alone, from its title)', () => {
    /** A scenario whose error text is a whole NDR: its own sentence, then the status line. */
    const groups = englishArticle(
      'pony-groups-ndr',
      [`Your message to the pony group was refused because the group takes no quokka mail. ${LINE}`],
      {
        title: { en: 'Mail to pony groups bounces in a numbat deployment' },
      },
    );
    const about = englishArticle('fix-5-1-91', ['550 5.1.91'], { title: { en: 'Fix NDR error "550 5.1.91" in the wombat cloud' } });

    it('offers the scenario for its status line alone, the article about the code right after it', () => {
      const r = outcome([groups, about, far], LINE);
      assert.deepEqual([r.decision, ...r.articles.slice(0, 2)], ['clarify', 'pony-groups-ndr', 'fix-5-1-91']);
      assert.match(r.notes, /one scenario of that bounce/);
    });

    it('answers the scenario when the paste holds its whole error, its own sentence beside the line', () => {
      const r = outcome([groups, about, far], groups.symptoms[0].errors.en![0]);
      assert.deepEqual([r.decision, r.articles[0]], ['answer', 'pony-groups-ndr']);
    });
  });
});
