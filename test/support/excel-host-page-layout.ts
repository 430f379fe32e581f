/**
 * `worksheet.pageLayout` (ExcelApi 1.9) for the in-memory Excel host: orientation, paper size, zoom
 * (fit to pages), gridline printing, print area, print title rows and the default header and footer.
 * Kept apart from excel-host.ts so that it can move to another host as one piece. Writes only, with
 * Excel's checks; tests read the result back through `pageLayoutOf` (ExcelHost.pageLayout).
 */
import { HostOfficeError, MAX_COLUMNS, parseAddress, type Rect, type SheetState } from "./excel-host-state";

export interface PageLayoutState {
  orientation: "Portrait" | "Landscape";
  paperSize: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printGridlines: boolean;
  printArea: Rect | null;
  printTitleRows: Rect | null;
  /** headersFooters.defaultForAllPages. */
  header: { left: string; center: string; right: string };
  footer: { left: string; center: string; right: string };
}

const PAPER_TYPES = new Set([
  "Letter",
  "LetterSmall",
  "Tabloid",
  "Ledger",
  "Legal",
  "Statement",
  "Executive",
  "A3",
  "A4",
  "A4Small",
  "A5",
  "B4",
  "B5",
]);
/** Excel's limit on each header or footer section. */
const MAX_HEADER_FOOTER_CHARS = 255;

const layouts = new WeakMap<SheetState, PageLayoutState>();

/** A sheet's page layout (Excel's defaults until something is set). */
export function pageLayoutOf(sheet: SheetState): PageLayoutState {
  let layout = layouts.get(sheet);
  if (layout === undefined) {
    layout = {
      orientation: "Portrait",
      paperSize: "Letter",
      zoom: { scale: 100 },
      printGridlines: false,
      printArea: null,
      printTitleRows: null,
      header: { left: "", center: "", right: "" },
      footer: { left: "", center: "", right: "" },
    };
    layouts.set(sheet, layout);
  }
  return layout;
}

/** What the page layout needs of the host's request context. */
export interface PageLayoutContext {
  core: { objectId(): number };
  enqueue(payload: Record<string, unknown>, apply: () => void): void;
}

function invalid(message: string): HostOfficeError {
  return new HostOfficeError("InvalidArgument", message);
}

function rangeOnSheet(sheet: SheetState, address: string): Rect {
  const parsed = parseAddress(address);
  if (parsed.sheet !== null && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase())
    throw invalid(`The address "${address}" is not on sheet "${sheet.name}".`);
  return parsed.rect;
}

abstract class WriteOnlyPart {
  protected readonly objectId: number;
  constructor(
    protected readonly context: PageLayoutContext,
    protected readonly sheet: () => SheetState
  ) {
    this.objectId = context.core.objectId();
  }
  protected set(prop: string, value: unknown, apply: (layout: PageLayoutState) => void): void {
    this.context.enqueue({ a: "set", o: this.objectId, p: prop, v: value }, () =>
      apply(pageLayoutOf(this.sheet()))
    );
  }
  protected call(method: string, args: unknown[], apply: (sheet: SheetState) => void): void {
    this.context.enqueue({ a: "call", o: this.objectId, m: method, args }, () => apply(this.sheet()));
  }
}

class HostHeaderFooter extends WriteOnlyPart {
  private section(
    prop: string,
    part: "header" | "footer",
    side: "left" | "center" | "right",
    value: string
  ): void {
    this.set(prop, value, (layout) => {
      if (typeof value !== "string" || value.length > MAX_HEADER_FOOTER_CHARS)
        throw invalid(`${prop} must be text of at most ${MAX_HEADER_FOOTER_CHARS} characters.`);
      layout[part][side] = value;
    });
  }
  set leftHeader(value: string) {
    this.section("leftHeader", "header", "left", value);
  }
  set centerHeader(value: string) {
    this.section("centerHeader", "header", "center", value);
  }
  set rightHeader(value: string) {
    this.section("rightHeader", "header", "right", value);
  }
  set leftFooter(value: string) {
    this.section("leftFooter", "footer", "left", value);
  }
  set centerFooter(value: string) {
    this.section("centerFooter", "footer", "center", value);
  }
  set rightFooter(value: string) {
    this.section("rightFooter", "footer", "right", value);
  }
}

class HostHeadersFooters {
  readonly defaultForAllPages: HostHeaderFooter;
  constructor(context: PageLayoutContext, sheet: () => SheetState) {
    this.defaultForAllPages = new HostHeaderFooter(context, sheet);
  }
}

export class HostPageLayout extends WriteOnlyPart {
  readonly headersFooters: HostHeadersFooters;

  constructor(context: PageLayoutContext, sheet: () => SheetState) {
    super(context, sheet);
    this.headersFooters = new HostHeadersFooters(context, sheet);
  }

  set orientation(value: "Portrait" | "Landscape") {
    this.set("orientation", value, (layout) => {
      if (value !== "Portrait" && value !== "Landscape")
        throw invalid(`Orientation "${String(value)}" is not valid.`);
      layout.orientation = value;
    });
  }
  set paperSize(value: string) {
    this.set("paperSize", value, (layout) => {
      if (!PAPER_TYPES.has(value)) throw invalid(`Paper size "${String(value)}" is not valid.`);
      layout.paperSize = value;
    });
  }
  set printGridlines(value: boolean) {
    this.set("printGridlines", value, (layout) => {
      if (typeof value !== "boolean") throw invalid("printGridlines must be true or false.");
      layout.printGridlines = value;
    });
  }
  set zoom(value: PageLayoutState["zoom"]) {
    this.set("zoom", value, (layout) => {
      const { scale, horizontalFitToPages, verticalFitToPages } = value;
      const fit = horizontalFitToPages !== undefined || verticalFitToPages !== undefined;
      if (scale !== undefined && fit) throw invalid("Zoom takes a scale or pages to fit, not both.");
      if (scale !== undefined && !(Number.isInteger(scale) && scale >= 10 && scale <= 400))
        throw invalid(`Zoom scale ${scale} is not between 10 and 400.`);
      for (const pages of [horizontalFitToPages, verticalFitToPages]) {
        if (pages !== undefined && !(Number.isInteger(pages) && pages >= 0 && pages <= 32767))
          throw invalid(`Pages to fit ${pages} is not a whole number from 0 to 32767.`);
      }
      layout.zoom = { ...value };
    });
  }
  setPrintArea(address: string): void {
    this.call("setPrintArea", [address], (sheet) => {
      pageLayoutOf(sheet).printArea = rangeOnSheet(sheet, address);
    });
  }
  setPrintTitleRows(address: string): void {
    this.call("setPrintTitleRows", [address], (sheet) => {
      const rect = rangeOnSheet(sheet, address);
      if (rect.col !== 0 || rect.colCount !== MAX_COLUMNS)
        throw invalid(`Print title rows must be whole rows, not "${address}".`);
      pageLayoutOf(sheet).printTitleRows = rect;
    });
  }
}
