/**
 * A short stable digest of a finding's identity (rule, subject, changed element). Two 32-bit
 * FNV-1a lanes give 64 bits: enough to tell findings apart in one project, short enough to paste
 * into an exemption list. Pure, so stored findings fingerprint the same everywhere.
 */
export function fingerprint(parts: readonly string[]): string {
  const text = parts.join('\u0000');
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code ^ (i & 0xff), 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}
