/**
 * Decompression of lz-string's `compressToEncodedURIComponent` format, with limits.
 *
 * Why not `LZString.decompressFromEncodedURIComponent`: it has no output limit, and lz-string's
 * dictionary lets every code repeat the previous string plus one character, so a crafted
 * 200 KB link expands to billions of characters (seconds of CPU, gigabytes of memory: a
 * crashed tab). It also reads missing input as zero bits and maps unknown characters to zero,
 * so truncated or mangled links can "succeed" with garbage. This is the same algorithm
 * (lz-string 1.5.0, MIT, `_decompress` with 6-bit characters) that stops as soon as the
 * output passes `maxChars` and reports why it stopped. Compression still uses lz-string;
 * src/share/lzUri.test.ts checks both directions against it.
 */
import LZString from 'lz-string';

/** lz-string's URI-safe alphabet: each character carries 6 bits. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const BITS_PER_CHAR = 6;

/** Character code → 6-bit value, -1 for characters outside the alphabet. */
const VALUE_OF = ((): Int8Array => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

export type LzDecodeResult =
  | { readonly ok: true; readonly text: string }
  | {
      readonly ok: false;
      /** 'too-large': the output passed maxChars; 'corrupt': not a valid stream. */
      readonly why: 'too-large' | 'corrupt';
      readonly detail: string;
    };

/** Compress text into the URI-safe alphabet above (lz-string's own compressor). */
export function compressToUri(text: string): string {
  return LZString.compressToEncodedURIComponent(text);
}

/**
 * Decompress `input` (characters of ALPHABET only; a space is read as '+', since form
 * encoding turns '+' into a space). Never throws; stops after at most `maxChars` characters
 * of output, so its time and memory are bounded by the input and the limit.
 */
export function decompressFromUri(input: string, maxChars: number): LzDecodeResult {
  const values = new Uint8Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    const value = code === 0x20 ? VALUE_OF[0x2b] : code < 128 ? VALUE_OF[code] : -1;
    if (value === undefined || value < 0) {
      return corrupt(`character ${describeChar(input, i)} at position ${i} is not part of a share link`);
    }
    values[i] = value;
  }
  const totalBits = values.length * BITS_PER_CHAR;
  let bitPos = 0;

  /** Read `count` bits, least significant first (lz-string's order); -1 past the end. */
  const read = (count: number): number => {
    if (bitPos + count > totalBits) return -1;
    let bits = 0;
    for (let power = 1, i = 0; i < count; i++, power *= 2) {
      const charIndex = Math.floor(bitPos / BITS_PER_CHAR);
      const shift = BITS_PER_CHAR - 1 - (bitPos % BITS_PER_CHAR);
      if (((values[charIndex] ?? 0) >> shift) & 1) bits += power;
      bitPos++;
    }
    return bits;
  };

  // Entries 0..2 stand for the three control codes (8-bit literal, 16-bit literal, end).
  const dictionary: string[] = ['', '', ''];
  // Codes are `numBits` wide; they widen by one bit each time the dictionary doubles.
  let numBits = 3;
  let enlargeIn = 4;
  const countEntry = (): void => {
    enlargeIn--;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  };
  const output: string[] = [];
  let outputChars = 0;

  /** A literal character of `width` bits, or null at the end of the input. */
  const literal = (width: 8 | 16): string | null => {
    const code = read(width);
    return code < 0 ? null : String.fromCharCode(code);
  };

  const first = read(2);
  if (first < 0) return corrupt('the link ends before its first character');
  if (first === 2) return { ok: true, text: '' };
  if (first === 3) return corrupt('the link does not start like compressed text');
  const firstChar = literal(first === 0 ? 8 : 16);
  if (firstChar === null) return corrupt('the link ends inside its first character');
  dictionary.push(firstChar);
  let w = firstChar;
  output.push(firstChar);
  outputChars = 1;

  for (;;) {
    let code = read(numBits);
    if (code < 0) return corrupt('the link is cut short (no end marker): was it copied whole?');
    if (code === 2) return { ok: true, text: output.join('') };
    if (code === 0 || code === 1) {
      const char = literal(code === 0 ? 8 : 16);
      if (char === null) return corrupt('the link is cut short inside a character');
      dictionary.push(char);
      code = dictionary.length - 1;
      countEntry();
    }

    let entry: string;
    if (code < dictionary.length) entry = dictionary[code] ?? '';
    else if (code === dictionary.length) entry = w + w.charAt(0);
    else return corrupt(`code ${code} refers to nothing decoded yet`);

    outputChars += entry.length;
    if (outputChars > maxChars) {
      return { ok: false, why: 'too-large', detail: `it expands to more than ${maxChars} characters` };
    }
    output.push(entry);
    dictionary.push(w + entry.charAt(0));
    countEntry();
    w = entry;
  }
}

function corrupt(detail: string): LzDecodeResult {
  return { ok: false, why: 'corrupt', detail };
}

/** A character for an error message: printable ones quoted, others as U+XXXX. */
function describeChar(text: string, index: number): string {
  const code = text.codePointAt(index) ?? 0;
  const printable = code > 0x20 && code !== 0x7f && !(code >= 0x80 && code < 0xa0) && !(code >= 0xd800 && code < 0xe000);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return printable ? `"${String.fromCodePoint(code)}" (${hex})` : hex;
}
