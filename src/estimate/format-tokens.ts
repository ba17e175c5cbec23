/** A token count in short form: 850, 12.3K, 1.23M, 4.56B (the rules' messages and the renderers' estimate line). */
export function formatTokens(n: number): string {
  if (n < 1000) return String(n);
  if (n < 1e6) return `${(n / 1e3).toFixed(n < 1e4 ? 2 : 1).replace(/\.?0+$/, "")}K`;
  if (n < 1e9) return `${(n / 1e6).toFixed(2).replace(/\.?0+$/, "")}M`;
  return `${(n / 1e9).toFixed(2).replace(/\.?0+$/, "")}B`;
}

/** Dollars with cents: $1,234.50. */
export function formatUsd(n: number): string {
  return `$${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
