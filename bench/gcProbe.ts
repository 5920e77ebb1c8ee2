/**
 * Preloaded (`node --expose-gc -r dist/bench/gcProbe.js …`) into the processes the serving benchmark measures:
 * on SIGUSR2 it runs full garbage collections and prints one line `gc-probe {"rss":…,"heapUsed":…}` to
 * stderr. The benchmark reads the resident memory then, so that a leak shows and garbage V8 has not collected
 * yet does not: under load V8 lets the old generation fill up with dead objects for a long while before it
 * collects it, and the bare echo bot's RSS grows by tens of MB that way too.
 */
/** Read by servers.ts (`memoryAfterGc`), which keeps its own copy: importing this file installs the probe. */
const GC_PROBE_LINE = 'gc-probe ';

const collect = (globalThis as { gc?: () => void }).gc;
if (collect) {
  process.on('SIGUSR2', () => {
    collect();
    collect();
    // V8 hands freed pages back to the system from a background thread: give it a moment before reading.
    setTimeout(() => {
      collect();
      // external counts the memory V8 is told of outside its heap (Buffers' and other ArrayBuffers' bytes among it).
      const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
      process.stderr.write(`${GC_PROBE_LINE}${JSON.stringify({ rss, heapUsed, heapTotal, external, arrayBuffers })}\n`);
    }, 500);
  });
}

export {};
