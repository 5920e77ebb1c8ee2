import assert from 'node:assert/strict';
import { Matcher } from '../../src/matching/matcher';
import { DEFAULT_PARAMETERS } from '../../src/matching/parameters';
import { kbOf, PORTRAITS } from '../helpers/articles';

/**
 * README "How matching works": the foreign-program rule on the description path. A symptom named with its article's cause
 * (or named whole) is answered when nothing else is offered — but not in a paste another program printed (a Java stack, a
 * Python traceback, a client library) when the article's prose names no program: the same words are that program's report.
 */

const p = DEFAULT_PARAMETERS.descriptions;
const { params, prose: PROSE } = PORTRAITS;
const APPS_CAUSE = 'Apps that copy the portraitblob attribute from the directory do it a single time; afterwards the cloud owns it.';
const JAVA = `${PROSE}\n\tat com.acme.sync.PictureJob.run(PictureJob.java:42)\n\tat com.acme.sync.Main.main(Main.java:7)`;
const PYTHON = `${PROSE}\nTraceback (most recent call last):\n  File "/srv/pictures.py", line 12, in run`;

describe('matching: the foreign-program rule on the description path (descriptionHits.ts)', () => {
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(kbOf(PORTRAITS.articles()), params);
  });

  it('answers symptom and cause named together in prose of its own (the rule it limits)', () => {
    const r = m.match(PROSE);
    assert.deepEqual([r.decision, r.matches[0]?.article, r.matches[0]?.score], ['answer', 'portraits', p.causeScore]);
  });

  it('offers, not answers, them in a paste another program printed, when the article names no program', () => {
    for (const text of [JAVA, PYTHON]) {
      const r = m.match(text);
      assert.deepEqual([r.decision, r.matches[0]?.article], ['clarify', 'portraits'], text);
      assert.ok(r.matches[0].score < p.causeScore, String(r.matches[0].score));
    }
  });

  it('answers them where the article’s prose names programs of some kind (apps)', () => {
    const apps = new Matcher(kbOf(PORTRAITS.articles(APPS_CAUSE)), params);
    assert.equal(apps.match(PROSE).decision, 'answer');
    const r = apps.match(JAVA);
    assert.deepEqual([r.decision, r.matches[0]?.article, r.matches[0]?.score], ['answer', 'portraits', p.causeScore]);
  });

  it('names the rule in --explain', () => {
    const rule = m.match(JAVA, { explain: true }).matches[0].why?.rules.find((x) => x.rule === 'foreign-program');
    assert.equal(
      rule?.note,
      "the paste was printed by another program than Microsoft's (a Java stack trace) and this article names no program (apps, clients, scripts, EWS, SMTP AUTH…): its symptom named with its cause or whole is offered, not answered",
    );
  });
});
