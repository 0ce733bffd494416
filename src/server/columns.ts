/** "A", "B", … "Z", "AA": the column letters the sheet shows (0-based index). No imports: the sidebar bundles it. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
