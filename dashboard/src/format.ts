// How numbers, accounts and block counts read on the page.

/** `amount` (in the smallest unit) with `decimals`, up to 4 fractional digits, and a unit. */
export function amount(value: bigint, decimals: number, unit = ''): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const base = 10n ** BigInt(decimals);
  const whole = abs / base;
  const fraction = (abs % base).toString().padStart(decimals, '0').slice(0, 4).replace(/0+$/, '');
  const wholeText = whole.toLocaleString('en-US');
  return `${negative ? '-' : ''}${wholeText}${fraction ? `.${fraction}` : ''}${unit ? ` ${unit}` : ''}`;
}

/** `text` (a decimal number in whole units) in the smallest unit; `undefined` if it is not one. */
export function parseAmount(text: string, decimals: number): bigint | undefined {
  const match = /^\s*(\d+)(?:\.(\d*))?\s*$/.exec(text);
  if (!match) return undefined;
  const fraction = (match[2] ?? '').slice(0, decimals).padEnd(decimals, '0');
  return BigInt(match[1]) * 10n ** BigInt(decimals) + BigInt(fraction || '0');
}

/** A short form of an address; the dev accounts by name. */
export function who(address: string, names: Map<string, string>): string {
  return names.get(address) ?? `${address.slice(0, 6)}…${address.slice(-4)}`;
}

/** A block count as time, given the block time in milliseconds. */
export function duration(blocks: number, blockMs: number): string {
  const seconds = Math.round((Math.abs(blocks) * blockMs) / 1000);
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} days`;
}

/** `part / whole` as a percentage for a bar's width (0 when `whole` is 0). */
export function percent(part: bigint | number, whole: bigint | number): number {
  const w = Number(whole);
  return w === 0 ? 0 : Math.min(100, (Number(part) / w) * 100);
}

/** Reputation `blocks` after `updated`: the chain halves it every `halfLife` blocks. */
export function decayed(score: bigint, elapsed: number, halfLife: number): number {
  if (halfLife === 0) return Number(score);
  return Number(score) * 2 ** (-Math.max(0, elapsed) / halfLife);
}
