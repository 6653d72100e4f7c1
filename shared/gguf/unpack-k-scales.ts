/**
 * The eight 6-bit scales and eight 6-bit mins of a Q4_K / Q5_K block, packed in the 12 bytes at
 * `at`: bytes 0–3 hold scales 0–3 in their low 6 bits, bytes 4–7 mins 0–3 likewise; scales and
 * mins 4–7 keep their low 4 bits in bytes 8–11 (scale in the low nibble, min in the high one) and
 * their top 2 bits in the top 2 bits of bytes 0–3 (scales) and 4–7 (mins).
 */
export function unpackKScales(bytes: Uint8Array, at: number, scales: Uint8Array, mins: Uint8Array): void {
  for (let j = 0; j < 4; j++) {
    const s = bytes[at + j];
    const m = bytes[at + 4 + j];
    const low = bytes[at + 8 + j];
    scales[j] = s & 63;
    mins[j] = m & 63;
    scales[j + 4] = (low & 15) | ((s >> 6) << 4);
    mins[j + 4] = (low >> 4) | ((m >> 6) << 4);
  }
}
