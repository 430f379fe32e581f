/** A1 references for messages: one helper, so every message names cells the same way. */

/** 0-based column -> letters: 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnLetters(col: number): string {
  let letters = "";
  let rest = col + 1;
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

/** 0-based sheet coordinates -> "C12" (no sheet). */
export function cellAddress(row: number, col: number): string {
  return columnLetters(col) + String(row + 1);
}

/** A sheet name as Excel writes it in a reference: quoted when it holds anything but letters, digits and _. */
export function sheetReference(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}
