/**
 * Constructors of plain objects — their prototype is Object.prototype, as an object literal's — for what a match makes
 * by the hundred and keeps to its end: the paste's tokens, the scores of the error texts scored to the end, the error
 * hits. V8 switches an object literal's allocation site to the old generation (pretenuring) once the objects it made
 * survived young collections, and a knowledge base's first, slow matches (caches filled, several young collections in
 * one match) did that: from then on every paste's tokens, scores and hits went to the old generation as garbage only a
 * full collection frees (about 140 KB per match of the 10 KB log at 10,000 articles), and kept the young strings and
 * arrays they point to alive through every young collection until then. What `new` makes is allocated young.
 */
export function plainConstructor<A extends unknown[], T extends object>(init: (this: T, ...args: A) => void): new (...args: A) => T {
  (init as unknown as { prototype: object }).prototype = Object.prototype;
  return init as unknown as new (...args: A) => T;
}
