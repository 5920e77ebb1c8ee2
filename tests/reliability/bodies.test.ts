/**
 * Request bodies in the real process (`node dist/src/index.js`, local web chat on): only JSON is read,
 * on every POST route. A multipart upload gets 415 and leaves nothing in the temp folder (restify's
 * bodyParser used to hand it to formidable, which wrote every part to os.tmpdir() before any check);
 * url-encoded forms and gzip-encoded bodies get 415; an activity nested 10,000 levels deep gets 400
 * before anything serialises it (it used to end in a 500).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { depthExceeds, MAX_JSON_DEPTH } from '../../src/server/body';
import { useEntryPerTest } from '../helpers/process';
import { healthy, message } from '../helpers/service';

/** An object nested `depth` levels: {"a":{"a":…}}. */
function nested(depth: number): string {
  return '{"a":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1);
}

describe('reliability: request bodies are JSON only, bounded in size and depth', function () {
  this.timeout(30_000);
  const run = useEntryPerTest('pastefix-bodies-', 'SIGTERM');

  async function startWithOwnTmp(): Promise<{ url: string; tmp: string; token: string; conversationId: string }> {
    const tmp = path.join(run.dir, 'tmp');
    fs.mkdirSync(tmp);
    // Node 22+ keeps its compile cache (src/compileCache.ts) in the temp folder unless told otherwise: elsewhere here, so
    // the folder shows only what a request left.
    const { url } = await run.listen({ TMPDIR: tmp, NODE_COMPILE_CACHE: path.join(run.dir, 'compile-cache') });
    const generated = (await (await fetch(`${url}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as {
      token: string;
      conversationId: string;
    };
    return { url, tmp, ...generated };
  }

  it('a multipart upload gets 415 on every POST route and leaves nothing in the temp folder', async () => {
    const { url, tmp, token, conversationId } = await startWithOwnTmp();
    const routes = [
      '/api/messages',
      '/api/directline/token',
      '/v3/directline/tokens/generate',
      '/v3/directline/tokens/refresh',
      '/v3/directline/conversations',
      `/v3/directline/conversations/${conversationId}/activities`,
    ];
    for (const route of routes) {
      const form = new FormData();
      form.set('type', 'message');
      form.set('file', new Blob([Buffer.alloc(256 * 1024, 'x')]), 'big.log');
      const res = await fetch(`${url}${route}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
      assert.equal(res.status, 415, `${route}: ${await res.clone().text()}`);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'unsupported_media_type');
    }
    const forms = await fetch(`${url}/v3/directline/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'type=message&text=hello',
    });
    assert.equal(forms.status, 415);
    assert.deepEqual(fs.readdirSync(tmp), [], 'nothing written to the temp folder');
    assert.ok(await healthy(url));
  });

  it('a gzip-encoded body gets 415: it would be inflated past the size limit', async () => {
    const { url } = await startWithOwnTmp();
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify(message('http://127.0.0.1:9/', 'x'.repeat(5_000_000)))),
    });
    assert.equal(res.status, 415);
    assert.deepEqual(await res.json(), {
      error: { code: 'unsupported_media_type', message: 'Send the body unencoded, got Content-Encoding "gzip".' },
    });
  });

  it('an activity nested 10,000 levels deep gets 400 on /api/messages and the Direct Line, and the server stays up', async () => {
    const { url, token, conversationId } = await startWithOwnTmp();
    const activity = JSON.stringify(message('http://127.0.0.1:9/', 'hi'));
    const deep = `${activity.slice(0, -1)},"channelData":${nested(10_000)}}`;
    const expected = { error: { code: 'bad_request', message: `The body is nested more than ${MAX_JSON_DEPTH} levels deep.` } };
    const messages = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: deep });
    assert.equal(messages.status, 400);
    assert.deepEqual(await messages.json(), expected);
    const directLine = await fetch(`${url}/v3/directline/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: `{"type":"message","text":"hi","value":${nested(10_000)}}`,
    });
    assert.equal(directLine.status, 400);
    assert.deepEqual(await directLine.json(), expected);
    assert.ok(await healthy(url));
  });

  it('the depth check counts objects and arrays, and lets the limit itself through', () => {
    assert.equal(depthExceeds(JSON.parse(nested(MAX_JSON_DEPTH)), MAX_JSON_DEPTH), false);
    assert.equal(depthExceeds(JSON.parse(nested(MAX_JSON_DEPTH + 1)), MAX_JSON_DEPTH), true);
    assert.equal(depthExceeds(JSON.parse('[[[1]]]'), 2), true);
    assert.equal(depthExceeds(JSON.parse('[[1],[2]]'), 2), false);
    assert.equal(depthExceeds('just a string', 0), false);
  });
});
