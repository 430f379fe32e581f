/**
 * EUI-64 identifiers (User, Subscriber and Device IDs): eight hex pairs shown as "90-B3-D5-1F-30-01-00-00".
 */

const HEX_DIGITS = "0123456789ABCDEF";

function isHexDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

/**
 * The canonical form (upper case, hyphen between pairs) of 16 hex digits written plain or with one kind of
 * separator, "-" or ":", between every pair; surrounding spaces are ignored. Anything else gives null.
 */
export function normaliseEui64(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const text = value.trim();
  let separator = "";
  if (text.length === 23) {
    separator = text[2];
    if (separator !== "-" && separator !== ":") return null;
  } else if (text.length !== 16) {
    return null;
  }
  const step = separator === "" ? 2 : 3;
  let result = "";
  for (let pair = 0; pair < 8; pair++) {
    const at = pair * step;
    if (!isHexDigit(text.charCodeAt(at)) || !isHexDigit(text.charCodeAt(at + 1))) return null;
    if (separator !== "" && pair < 7 && text[at + 2] !== separator) return null;
    result += (pair === 0 ? "" : "-") + text.slice(at, at + 2);
  }
  return result.toUpperCase();
}

/** True when the value is already in canonical form. */
export function isCanonicalEui64(value: unknown): boolean {
  return typeof value === "string" && normaliseEui64(value) === value;
}

/** Test-data helper: the canonical EUI-64 of a whole number from 0 to 2^53 - 1. */
export function eui64FromNumber(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${value} is not a whole number 0 to 2^53-1`);
  let remaining = value;
  const pairs: string[] = [];
  for (let pair = 0; pair < 8; pair++) {
    const byte = remaining % 256;
    remaining = Math.floor(remaining / 256);
    pairs.unshift(HEX_DIGITS[byte >> 4] + HEX_DIGITS[byte & 15]);
  }
  return pairs.join("-");
}

/**
 * The canonical EUI-64 of a 64-bit number given as its high and low 32 bits (each 0 to 2^32 - 1), as
 * numbers reach JavaScript without BigInt.
 */
export function eui64FromHalves(high: number, low: number): string {
  // Called for every listed device (hundreds of thousands at national scale): a table of the 256 byte
  // texts and one template, rather than an array of pairs joined.
  const byte = (half: number, shift: number): string => BYTE_TEXTS[(half >>> shift) & 255];
  return (
    `${byte(high, 24)}-${byte(high, 16)}-${byte(high, 8)}-${byte(high, 0)}-` +
    `${byte(low, 24)}-${byte(low, 16)}-${byte(low, 8)}-${byte(low, 0)}`
  );
}

/** "00" … "FF", by byte value. */
const BYTE_TEXTS = Array.from({ length: 256 }, (_, value) => HEX_DIGITS[value >> 4] + HEX_DIGITS[value & 15]);
