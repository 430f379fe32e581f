/**
 * The streamed workbook's shared strings. ExcelJS 4.4 keeps them in an object used as a hash and renders
 * the part through an XML stream of several pieces a string: over a second for a 300,000-Device PCI list.
 * This keeps them in a Map and writes the part in one pass, byte for byte as ExcelJS's
 * `SharedStringsXform` writes plain text (its `count` is the number of distinct strings, as there).
 */

const SHARED_STRINGS_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

/** What ExcelJS's xmlEncode replaces: the markup characters, and the control characters XML forbids (dropped). */
// eslint-disable-next-line no-control-regex
const XML_ESCAPED = /[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const XML_ENTITIES: Readonly<Record<string, string>> = {
  "<": "&lt;",
  ">": "&gt;",
  "&": "&amp;",
  "'": "&apos;",
  '"': "&quot;",
};

/** Text for an XML element or attribute value, as ExcelJS escapes it (table parts use it too). */
export function xmlText(text: string): string {
  return text.replace(XML_ESCAPED, (character) => XML_ENTITIES[character] ?? "");
}

/** Leading or trailing white space, or a line break, must be kept by the reader (`xml:space`), as in ExcelJS. */
const NEEDS_PRESERVE = /^\s|\n|\s$/;

/** Each distinct string once, in first-seen order: a cell holds its index. */
export class SharedStringTable {
  private readonly indexes = new Map<string, number>();
  readonly values: string[] = [];

  add(value: string): number {
    let index = this.indexes.get(value);
    if (index === undefined) {
      index = this.values.length;
      this.indexes.set(value, index);
      this.values.push(value);
    }
    return index;
  }

  get count(): number {
    return this.values.length;
  }
}

/** The `xl/sharedStrings.xml` part for the strings. */
export function sharedStringsXml(values: readonly string[]): string {
  const parts: string[] = [`${SHARED_STRINGS_HEAD} count="${values.length}" uniqueCount="${values.length}">`];
  for (const value of values) {
    parts.push(
      NEEDS_PRESERVE.test(value) ? '<si><t xml:space="preserve">' : "<si><t>",
      xmlText(value),
      "</t></si>"
    );
  }
  parts.push("</sst>");
  return parts.join("");
}
