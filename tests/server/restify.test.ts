/**
 * restify's two parts the service uses, loaded from restify's own files (src/server/restify.ts): the server module
 * must not load restify's index and with it every plugin, and what it makes must be what restify.createServer makes.
 */
import assert from 'node:assert/strict';
import restify from 'restify';
import { createRestifyServer } from '../../src/server/restify';
import { modulesLoadedBy } from '../helpers/modules';

describe('server: restify without its plugins', function () {
  this.timeout(60_000);

  it("loading the server module loads restify's server and body reader, not its index or its other plugins", () => {
    const restifyFiles = modulesLoadedBy('src/server/server.js')
      .map((m) => /node_modules\/restify\/(lib\/.*)$/.exec(m)?.[1])
      .filter((m): m is string => m !== undefined);
    for (const used of ['lib/server.js', 'lib/router.js', 'lib/plugins/bodyReader.js']) assert.ok(restifyFiles.includes(used), used);
    for (const unused of [
      'lib/index.js',
      'lib/plugins/index.js',
      'lib/plugins/bodyParser.js',
      'lib/plugins/static.js',
      'lib/plugins/throttle.js',
    ])
      assert.ok(!restifyFiles.includes(unused), `${unused} was loaded`);
  });

  it('makes the server restify.createServer makes: its class, its router, its name, a logger of its own', () => {
    const ours = createRestifyServer({ name: 'PasteFix', handleUncaughtExceptions: false });
    const theirs = restify.createServer({ name: 'PasteFix', handleUncaughtExceptions: false });
    assert.equal(Object.getPrototypeOf(ours), Object.getPrototypeOf(theirs));
    assert.equal(Object.getPrototypeOf(ours.router), Object.getPrototypeOf(theirs.router));
    assert.equal(ours.name, 'PasteFix');
    assert.equal(Object.getPrototypeOf(ours.log).constructor, Object.getPrototypeOf(theirs.log).constructor);
    const bindings = (s: restify.Server) => (s.log as unknown as { bindings(): object }).bindings();
    assert.deepEqual(bindings(ours), bindings(theirs));
    assert.equal(createRestifyServer({}).name, 'restify');
    assert.throws(() => createRestifyServer({ handleUncaughtExceptions: true }), /not supported/);
  });
});
