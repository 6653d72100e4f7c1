/** Text as the leaderboard's search compares it: case-folded, compatibility-normalised, invisible marks removed. */
export function searchText(text: string): string {
  return text.normalize("NFKC").replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, "").toLowerCase();
}
