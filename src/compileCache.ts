/**
 * Imported first by the entry: from Node.js 22.1 on, the code Node compiles while loading modules is cached on
 * disk (in the temp folder), so every start after the first skips compiling botbuilder, restify and the rest —
 * most of what a start spends before it reads any knowledge. Node 20 has no such API and starts as before.
 */
import nodeModule from 'node:module';

(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
