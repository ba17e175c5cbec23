/**
 * Seeded text for fixtures and the benchmark: the same words and the same numbers on every run, so
 * nothing large is committed. Plain TypeScript with no imports: the benchmark compiles it too.
 */
/** Everyday nouns: sentences of them are far apart, so none is a near-duplicate by accident. */
export const WORDS = (
  "account address agent alarm answer apple arrive author balance bank basket battery bill blanket border bottle bridge " +
  "button cable camera candle carpet cart channel charge cheque circle client coffee coin color contract copy corner " +
  "country coupon courier credit cup customer damage date deal debit delay desk device dinner discount door driver " +
  "email engine error event export fabric family fee field file filter flight floor folder garden gift glass guide " +
  "handle harbor helmet holiday hotel invoice island item jacket jewel kettle key kitchen label ladder lamp laptop " +
  "layer letter license light limit locker luggage machine manual market meeting menu merchant message meter mirror " +
  "model monitor motor network notice number office order owner package page parcel partner password payment pencil " +
  "phone picture pillow plan plate pocket portal printer profile receipt record region reply report router saddle " +
  "sample schedule screen seat sensor server service session shelf shipment signal socket sofa speaker station " +
  "statement store street subscription supplier switch table tablet ticket timer token tower track trolley truck " +
  "umbrella update vehicle voucher wallet warranty window wire yard"
).split(" ");

/** A deterministic pseudo-random generator (mulberry32), so fixtures are the same every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A sentence of `n` distinct-enough words; no two sentences from one generator are near-duplicates. */
export function sentence(rand: () => number, n = 9): string {
  return Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(" ");
}
