/**
 * A uniform in [0, 1) determined by a key and a counter alone (a counter-based generator, after
 * murmur3's finalizer). A caller's k-th callback answer uses key = the caller's own draw and
 * counter = k, so it stays the same however many dials other callers needed.
 */
export function hashUniform(key: number, counter: number): number {
  let x = (key ^ Math.imul(counter + 1, 0x9e3779b1)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return ((x ^ (x >>> 16)) >>> 0) / 4294967296;
}
