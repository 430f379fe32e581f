/**
 * Random access to the parts of an .xlsx package (a zip) and a streaming XML walker over them.
 *
 * The zip is opened through its central directory (yauzl), so any part can be read in any order: the
 * small parts that give meaning to a sheet (workbook, relationships, shared strings, styles, tables) are
 * read before the sheets however the producer ordered the zip. Each part is inflated as a stream and
 * fed to a SAX parser (saxes), so a sheet of a million rows is never held as text.
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import type { Readable } from "stream";
import * as yauzl from "yauzl";

/** A workbook that cannot be read; the message is plain and names no library code. */
export class WorkbookReadError extends Error {
  override readonly name = "WorkbookReadError";
}

/** Handlers for one XML part; element names arrive without a namespace prefix ("x:c" -> "c"). */
export interface XmlHandlers {
  open?(name: string, attributes: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

export class XlsxPackage {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    /** Part name in lower case, without a leading "/" -> entry (OPC part names ignore case). */
    private readonly entries: Map<string, yauzl.Entry>
  ) {}

  static async open(file: string): Promise<XlsxPackage> {
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.open(file, { lazyEntries: true, autoClose: false }, (error, opened) =>
        error ? reject(notAZip(error)) : resolve(opened)
      )
    );
    const entries = new Map<string, yauzl.Entry>();
    try {
      await new Promise<void>((resolve, reject) => {
        zip.on("entry", (entry: yauzl.Entry) => {
          entries.set(entry.fileName.replace(/^\/+/, "").toLowerCase(), entry);
          zip.readEntry();
        });
        zip.on("end", () => resolve());
        zip.on("error", (error: Error) => reject(notAZip(error)));
        zip.readEntry();
      });
    } catch (error) {
      zip.close();
      throw error;
    }
    return new XlsxPackage(zip, entries);
  }

  close(): void {
    this.zip.close();
  }

  has(part: string): boolean {
    return this.entries.has(part.toLowerCase());
  }

  /** Walks a part's XML with `handlers`, streaming: the part is never held whole. */
  async walk(part: string, handlers: XmlHandlers): Promise<void> {
    const entry = this.entries.get(part.toLowerCase());
    if (!entry) throw new WorkbookReadError(`the workbook is incomplete: part ${part} is missing`);
    const stream = await new Promise<Readable>((resolve, reject) =>
      this.zip.openReadStream(entry, (error, opened) => (error ? reject(damaged(part)) : resolve(opened)))
    );
    stream.setEncoding("utf8");
    const parser = new SaxesParser({ xmlns: false, position: false });
    let failure: Error | null = null;
    parser.on("error", (error) => {
      failure ??= new WorkbookReadError(
        `the workbook is damaged: ${part} is not well-formed XML (${error.message})`
      );
    });
    const { open, text, close } = handlers;
    if (open) parser.on("opentag", (tag: SaxesTagPlain) => open(localName(tag.name), tag.attributes));
    if (text) {
      parser.on("text", text);
      parser.on("cdata", text);
    }
    if (close) parser.on("closetag", (tag: SaxesTagPlain) => close(localName(tag.name)));
    try {
      for await (const chunk of stream) {
        parser.write(chunk as string);
        if (failure) break;
      }
    } catch (error) {
      throw error instanceof WorkbookReadError ? error : damaged(part);
    } finally {
      stream.destroy();
    }
    if (!failure) parser.close();
    if (failure) throw failure;
  }

  /** The relationships of a part: id -> { type (last path segment), target part name }. */
  async relationships(part: string): Promise<Map<string, { type: string; target: string }>> {
    const slash = part.lastIndexOf("/");
    const folder = part.slice(0, slash + 1);
    const relsPart = `${folder}_rels/${part.slice(slash + 1)}.rels`;
    const relationships = new Map<string, { type: string; target: string }>();
    if (!this.has(relsPart)) return relationships;
    await this.walk(relsPart, {
      open(name, attributes) {
        if (name !== "Relationship" || attributes.TargetMode === "External") return;
        const type = (attributes.Type ?? "").replace(/^.*\//, "");
        relationships.set(attributes.Id ?? "", {
          type,
          target: resolvePartName(folder, attributes.Target ?? ""),
        });
      },
    });
    return relationships;
  }
}

/** A relationship target resolved against the folder of its source part ("" = the package root). */
export function resolvePartName(folder: string, target: string): string {
  const segments = target.startsWith("/") ? [] : folder.split("/").filter((segment) => segment !== "");
  for (const segment of target.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(decodeURIComponent(segment));
  }
  return segments.join("/");
}

function notAZip(error: Error): Error {
  // A file-system error (permission denied, a symlink loop) is not the file's content: the caller words it.
  if ((error as NodeJS.ErrnoException).code !== undefined) return error;
  const reason = /end of central directory/i.test(error.message)
    ? "it is not a zip package (an .xlsx file is one): it may be another kind of file, or cut short"
    : "its zip structure is damaged";
  return new WorkbookReadError(`not an .xlsx workbook: ${reason}`);
}

/** The library's error is not shown: its codes mean nothing to the person running the report. */
function damaged(part: string): WorkbookReadError {
  return new WorkbookReadError(`the workbook is damaged: ${part} cannot be unpacked`);
}
