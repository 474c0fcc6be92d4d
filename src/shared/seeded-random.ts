// The one mulberry32 (issue 10 made the tests share one; the simulators in src/shared/timing
// had their own copies): the core may not use Math.random, and a fixed seed replays a run.

/** mulberry32: a small, fast PRNG with a 32-bit state; the same seed gives the same sequence. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
