/**
 * "Did you mean ...?" for misspelt keys and names. Uses the optimal-string-alignment distance
 * (Levenshtein plus adjacent transposition) because the typos people make in YAML keys are mostly
 * swapped or dropped letters: "tpoic", "partiton".
 */

/** Edits (insert, delete, substitute, swap two neighbours) needed to turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  // rows[i][j] = distance between the first i chars of a and the first j chars of b.
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const above = rows[i - 1] as number[];
      let best = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row.push(best);
    }
    rows.push(row);
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/**
 * The candidate closest to `word`, or undefined when none is close enough to be a plausible typo.
 * Short words get a smaller budget, or "rate" would be "corrected" to "name".
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const budget = Math.min(2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance <= budget && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
