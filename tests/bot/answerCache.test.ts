/**
 * Answer cards share the parts that depend only on the article and language (cards/answer.ts): they must follow a
 * knowledge reload — the real loader, the real watcher's reload and the real bot — and never carry one answer's
 * own lines (the quoted paste line, filled-in values) into another.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadKnowledge } from '../../src/knowledge/load';
import { watchKnowledge, type LiveKnowledge } from '../../src/knowledge/watch';
import { Matcher } from '../../src/matching/matcher';
import { articleYaml } from '../helpers/articles';
import { activityJson, activityJsonBySerializer } from '../../src/server/activitySerializer';
import { tempFolder } from '../helpers/tmp';
import { createHarness, goodCardOf, memoryLogger, onlyReply, type Harness } from './support/harness';

const ERROR = 'The frobnicator service could not bind its listener on port 8443';

describe('bot: answer card parts shared between answers', () => {
  let folder: ReturnType<typeof tempFolder>;
  let live: LiveKnowledge<Matcher>;
  let h: Harness;

  beforeEach(() => {
    folder = tempFolder({ 'alpha.yaml': articleYaml('alpha', ERROR) });
    live = watchKnowledge([folder.dir], {
      initial: loadKnowledge([folder.dir]),
      build: (kb) => new Matcher(kb),
      logger: memoryLogger([]),
      watch: false,
    });
    h = createHarness({ matcher: () => live.current(), locale: 'en-US' });
  });
  afterEach(() => {
    live.close();
    h.cleanup();
    folder.cleanup();
  });

  const answer = async (paste: string) => JSON.stringify(goodCardOf(onlyReply(await h.turn(paste), h)));

  it('shows the edited title, cause and steps after a knowledge reload, not the parts built before it', async () => {
    const before = await answer(ERROR);
    for (const text of ['Article alpha', 'Because', 'Do it']) assert.ok(before.includes(text), text);
    // The same answer again, its feedback buttons numbered as the conversation's second answer.
    assert.equal(await answer(ERROR), before.replaceAll('"answer":1', '"answer":2'));

    const edited = articleYaml('alpha', ERROR, { title: { en: 'Frobnicator port taken', de: 'Frobnicator-Port belegt' } })
      .replace('cause: { en: "Because"', 'cause: { en: "Another service holds port 8443"')
      .replace('text: { en: "Do it"', 'text: { en: "Stop the other service"');
    fs.writeFileSync(path.join(folder.dir, 'alpha.yaml'), edited);
    assert.equal((await live.reload()).status, 'reloaded');

    const after = await answer(ERROR);
    for (const text of ['Frobnicator port taken', 'Another service holds port 8443', 'Stop the other service'])
      assert.ok(after.includes(text), text);
    for (const text of ['Article alpha', '"Because"', 'Do it']) assert.ok(!after.includes(text), `still ${text}`);
  });

  it("posts the reloaded article in the reply body too: the shared blocks' JSON goes with the old knowledge", async () => {
    const body = async () => {
      const reply = onlyReply(await h.turn(ERROR), h);
      const json = activityJson(reply);
      assert.equal(json, activityJsonBySerializer(reply));
      return json;
    };
    const before = await body();
    assert.ok(before.includes('Article alpha') && before.includes('"Because"'));
    // The second answer's card is the first's, its buttons numbered 2 (the activities' ids and times differ).
    const card = (json: string) => JSON.stringify((JSON.parse(json) as { attachments: unknown }).attachments);
    assert.equal(card(await body()), card(before).replaceAll('"answer":1', '"answer":2'));

    const edited = articleYaml('alpha', ERROR, { title: { en: 'Frobnicator port taken', de: 'Frobnicator-Port belegt' } }).replace(
      'cause: { en: "Because"',
      'cause: { en: "Another service holds port 8443"',
    );
    fs.writeFileSync(path.join(folder.dir, 'alpha.yaml'), edited);
    assert.equal((await live.reload()).status, 'reloaded');
    const after = await body();
    assert.ok(after.includes('Frobnicator port taken') && after.includes('Another service holds port 8443'));
    assert.ok(!after.includes('Article alpha') && !after.includes('"Because"'));
  });

  it("quotes each paste's own line", async () => {
    const first = await answer(`${ERROR} (first try)`);
    const second = await answer(`${ERROR} (second try)`);
    assert.ok(first.includes('(first try)') && !first.includes('(second try)'));
    assert.ok(second.includes('(second try)') && !second.includes('(first try)'));
  });
});
