/**
 * CIDR parsing and comparison as the Kubernetes API server does it for `ipBlock`.
 *
 * The API server validates with `ParseCIDRSloppy` (Go's pre-1.17 parser: leading zeros accepted)
 * and since 1.33 warns about values that parse but are not in standard form. `parseCidr` follows
 * that parser exactly for what it accepts and reports the warnings' causes:
 *   - host bits set (`10.0.0.5/8`): ambiguous, the API server uses the network `10.0.0.0/8`;
 *   - leading zeros (`010.0.0.0/8`, `10.0.0.0/08`), an IPv4-mapped IPv6 address
 *     (`::ffff:10.0.0.0/104`, which Kubernetes treats as the IPv4 CIDR `10.0.0.0/8`);
 *   - IPv6 not in RFC 5952 form (`2001:DB8:0:0::/64`).
 *
 * Addresses are `bigint`s (32 or 128 bits) so that callers can build address sets on them;
 * `toIpNumRange` gives the `ip-num` range for its set operations. Everything here is pure.
 */
import { IPv4, IPv4CidrRange, IPv4Prefix, IPv6, IPv6CidrRange, IPv6Prefix } from 'ip-num';

export type IpFamily = 'ipv4' | 'ipv6';

/** Why a CIDR that parses is not in the standard form the API server asks for. */
export type NonStandardReason = 'leading-zeros' | 'ipv4-mapped' | 'not-rfc5952';

export interface Cidr {
  /** The text as given. */
  readonly text: string;
  /** IPv4-mapped IPv6 CIDRs of prefix ≥ 96 count as IPv4, as in Kubernetes. */
  readonly family: IpFamily;
  /** Address width of the family: 32 or 128. */
  readonly bits: 32 | 128;
  /** Prefix length in the family's bits. */
  readonly prefix: number;
  /** The address as written, host bits included. */
  readonly address: bigint;
  /** First address of the block (the address with the host bits cleared). */
  readonly network: bigint;
  /** Last address of the block. */
  readonly last: bigint;
  /** `network/prefix` in standard form (`10.0.0.0/8`, `2001:db8::/64`): what the API server uses. */
  readonly canonical: string;
  /** The written address as a single-host CIDR in standard form (`10.0.0.5/32`). */
  readonly hostCidr: string;
  /** The written address has bits set beyond the prefix (`10.0.0.5/8`). */
  readonly hostBitsSet: boolean;
  /** Empty when the text is in standard form apart from host bits. */
  readonly nonStandard: readonly NonStandardReason[];
}

export type CidrParseResult = { readonly ok: true; readonly cidr: Cidr } | { readonly ok: false; readonly reason: string };

interface ParsedAddress {
  readonly value: bigint;
  readonly leadingZeros: boolean;
}

const DECIMAL = /^[0-9]+$/;
const HEX = /^[0-9A-Fa-f]+$/;

/** Parse a CIDR string (`10.0.0.0/8`, `2001:db8::/64`), or say why it is not one. */
export function parseCidr(text: string): CidrParseResult {
  const slash = text.indexOf('/');
  if (slash < 0) return fail('no prefix length (`/n`) after the address');
  const addrText = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  if (!DECIMAL.test(prefixText)) return fail(`prefix length "${prefixText}" is not a decimal number`);
  const writtenPrefix = Number(prefixText);
  const prefixLeadingZeros = prefixText.length > 1 && prefixText.startsWith('0');

  const isV6 = addrText.includes(':');
  const parsed = isV6 ? parseIpv6(addrText) : parseIpv4(addrText);
  if (typeof parsed === 'string') return fail(parsed);
  const maxPrefix = isV6 ? 128 : 32;
  if (writtenPrefix > maxPrefix) return fail(`prefix length ${prefixText} is larger than ${maxPrefix}`);

  const reasons: NonStandardReason[] = [];
  if (parsed.leadingZeros || prefixLeadingZeros) reasons.push('leading-zeros');

  let family: IpFamily = isV6 ? 'ipv6' : 'ipv4';
  let bits: 32 | 128 = isV6 ? 128 : 32;
  let prefix = writtenPrefix;
  let address = parsed.value;
  if (isV6 && address >> 32n === 0xffffn) {
    reasons.push('ipv4-mapped');
    if (writtenPrefix >= 96) {
      family = 'ipv4';
      bits = 32;
      prefix = writtenPrefix - 96;
      address = address & 0xffffffffn;
    }
  } else if (isV6 && !parsed.leadingZeros && formatAddress('ipv6', address) !== addrText) {
    reasons.push('not-rfc5952');
  }

  const hostMask = (1n << BigInt(bits - prefix)) - 1n;
  const network = address & ~hostMask;
  return {
    ok: true,
    cidr: {
      text,
      family,
      bits,
      prefix,
      address,
      network,
      last: network | hostMask,
      canonical: `${formatAddress(family, network)}/${prefix}`,
      hostCidr: `${formatAddress(family, address)}/${bits}`,
      hostBitsSet: network !== address,
      nonStandard: reasons,
    },
  };
}

/** True when every address of `inner` is in `outer` (same family). Equal blocks contain each other. */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return outer.family === inner.family && outer.network <= inner.network && inner.last <= outer.last;
}

/** Same family, same addresses (`10.0.0.5/8` equals `10.0.0.0/8`). */
export function cidrEquals(a: Cidr, b: Cidr): boolean {
  return a.family === b.family && a.network === b.network && a.prefix === b.prefix;
}

/** The two blocks share at least one address. */
export function cidrOverlaps(a: Cidr, b: Cidr): boolean {
  return a.family === b.family && a.network <= b.last && b.network <= a.last;
}

/** An address in standard text form: dotted decimal, or RFC 5952 for IPv6 (`2001:db8::1`). */
export function formatAddress(family: IpFamily, value: bigint): string {
  if (family === 'ipv4') return dottedQuad(value);
  if (value >> 32n === 0xffffn) return `::ffff:${dottedQuad(value & 0xffffffffn)}`;
  const words: bigint[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) words.push((value >> shift) & 0xffffn);
  return compressIpv6(words);
}

/** A 32-bit address as four decimal octets (every policy's CIDRs are formatted: no library objects for it). */
function dottedQuad(value: bigint): string {
  const n = Number(value);
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** The `ip-num` range of a CIDR (network form), for `RangedSet` operations. */
export function toIpNumRange(cidr: Cidr): IPv4CidrRange | IPv6CidrRange {
  return cidr.family === 'ipv4'
    ? new IPv4CidrRange(IPv4.fromNumber(cidr.network), IPv4Prefix.fromNumber(BigInt(cidr.prefix)))
    : new IPv6CidrRange(IPv6.fromBigInt(cidr.network), IPv6Prefix.fromNumber(BigInt(cidr.prefix)));
}

function fail(reason: string): CidrParseResult {
  return { ok: false, reason };
}

/** Four dotted decimal octets, leading zeros allowed (Go's sloppy parser). */
function parseIpv4(text: string): ParsedAddress | string {
  const parts = text.split('.');
  if (parts.length !== 4) return `"${text}" is not an IPv4 address (four dot-separated numbers)`;
  let value = 0n;
  let leadingZeros = false;
  for (const part of parts) {
    if (!DECIMAL.test(part)) return `"${text}" is not an IPv4 address: "${part}" is not a number`;
    const n = Number(part);
    if (n > 255) return `"${text}" is not an IPv4 address: ${part} is larger than 255`;
    if (part.length > 1 && part.startsWith('0')) leadingZeros = true;
    value = (value << 8n) | BigInt(n);
  }
  return { value, leadingZeros };
}

/** Hex groups with at most one `::` (standing for one or more zero groups), optionally ending in IPv4. */
function parseIpv6(text: string): ParsedAddress | string {
  const bad = `"${text}" is not an IPv6 address`;
  const halves = text.split('::');
  if (halves.length > 2) return `${bad}: "::" appears more than once`;
  const groupsOf = (half: string): string[] => (half === '' ? [] : half.split(':'));
  const head = groupsOf(halves[0] ?? '');
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? '') : [];
  const all = [...head, ...tail];
  const compressed = halves.length === 2;
  let leadingZeros = false;
  const words: bigint[] = [];
  for (let i = 0; i < all.length; i++) {
    const group = all[i] ?? '';
    if (group.includes('.')) {
      if (i !== all.length - 1 || (compressed && tail.length === 0)) return `${bad}: an embedded IPv4 address must come last`;
      const v4 = parseIpv4(group);
      if (typeof v4 === 'string') return `${bad}: ${v4}`;
      leadingZeros ||= v4.leadingZeros;
      words.push(v4.value >> 16n, v4.value & 0xffffn);
      continue;
    }
    if (!HEX.test(group)) return group === '' ? `${bad}: empty group` : `${bad}: "${group}" is not a hex group`;
    const n = BigInt(`0x${group}`);
    if (n > 0xffffn) return `${bad}: group "${group}" is larger than ffff`;
    if (group.length > 4) leadingZeros = true;
    words.push(n);
  }
  if (compressed ? words.length > 7 : words.length !== 8) {
    return `${bad}: ${compressed ? 'too many groups around "::"' : 'it needs 8 groups or "::"'}`;
  }
  const headWords = compressed ? words.slice(0, headWordCount(head)) : words;
  const tailWords = compressed ? words.slice(headWords.length) : [];
  const full = [...headWords, ...new Array<bigint>(8 - words.length).fill(0n), ...tailWords];
  const value = full.reduce((acc, w) => (acc << 16n) | w, 0n);
  return { value, leadingZeros };
}

/** How many 16-bit words the groups before `::` make (an IPv4 part there is rejected earlier unless last). */
function headWordCount(head: readonly string[]): number {
  return head.reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0);
}

/** RFC 5952: lower case, no leading zeros, the longest run (≥ 2) of zero groups as `::`, the first on a tie. */
function compressIpv6(words: readonly bigint[]): string {
  const hex = words.map((w) => w.toString(16));
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < hex.length; ) {
    if (hex[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < hex.length && hex[j] === '0') j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}
