/**
 * Offline manifest checks. `npm run validate` asks a Microsoft web service and needs the network; these
 * checks run anywhere and cover what most often breaks a sideload.
 */
import * as fs from "fs";
import * as path from "path";
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";

const root = path.resolve(__dirname, "..", "..");
const DEV_ORIGIN = "https://localhost:3000/";

function parseXml(file: string): Document {
  const errors: string[] = [];
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") errors.push(message);
    },
  });
  const document = parser.parseFromString(fs.readFileSync(file, "utf8"), "text/xml");
  if (errors.length > 0) throw new Error(`${file} is not well-formed XML:\n${errors.join("\n")}`);
  return document;
}

function allElements(document: Document): Element[] {
  return Array.from(document.getElementsByTagName("*"));
}

const manifest = parseXml(path.join(root, "manifest.xml"));
const elements = allElements(manifest);

/** Resource ids defined under <Resources>, by the kind of resource. */
const resources = new Map<string, string>();
for (const element of elements) {
  const id = element.getAttribute("id");
  if (id && ["bt:Image", "bt:Url", "bt:String"].includes(element.nodeName)) {
    resources.set(id, element.getAttribute("DefaultValue") ?? "");
  }
}

/** Every URL in the manifest: DefaultValue attributes and AppDomain text that look like URLs. */
function manifestUrls(): string[] {
  const urls: string[] = [];
  for (const element of elements) {
    const value = element.getAttribute("DefaultValue");
    if (value && /^[a-z]+:\/\//i.test(value)) urls.push(value);
    if (element.nodeName === "AppDomain") urls.push((element.textContent ?? "").trim());
  }
  return urls;
}

describe("manifest.xml (offline checks)", () => {
  it("is a task pane add-in for Excel workbooks with ReadWriteDocument", () => {
    const officeApp = manifest.documentElement!;
    expect(officeApp.nodeName).toBe("OfficeApp");
    expect(officeApp.getAttribute("xsi:type")).toBe("TaskPaneApp");
    const hosts = elements.filter((e) => e.nodeName === "Host" && e.getAttribute("Name"));
    expect(hosts.map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
    expect(elements.find((e) => e.nodeName === "Permissions")?.textContent).toBe("ReadWriteDocument");
    const id = elements.find((e) => e.nodeName === "Id")?.textContent ?? "";
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it("resolves every resid to a resource of at most 32 characters", () => {
    const residElements = elements.filter((e) => e.hasAttribute("resid"));
    expect(residElements.length).toBeGreaterThan(10);
    for (const element of residElements) {
      const resid = element.getAttribute("resid")!;
      expect({ resid, defined: resources.has(resid) }).toEqual({ resid, defined: true });
      expect(resid.length).toBeLessThanOrEqual(32);
    }
    for (const id of resources.keys()) expect(id.length).toBeLessThanOrEqual(32);
  });

  it("uses https for every URL", () => {
    const urls = manifestUrls();
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });

  it("declares the DCC custom functions namespace in a long-lived shared runtime", () => {
    const namespace = elements.find((e) => e.nodeName === "Namespace");
    expect(resources.get(namespace?.getAttribute("resid") ?? "")).toBe("DCC");
    const runtime = elements.find((e) => e.nodeName === "Runtime");
    expect(runtime?.getAttribute("lifetime")).toBe("long");
    const sharedRuntime = elements.find(
      (e) => e.nodeName === "Set" && e.getAttribute("Name") === "SharedRuntime"
    );
    expect(sharedRuntime).toBeDefined();
    // One page hosts the functions and the pane: the runtime, the functions page and the pane share a URL.
    const page = elements.find((e) => e.nodeName === "Page")?.getElementsByTagName("SourceLocation")[0];
    const paneAction = elements.find(
      (e) => e.nodeName === "Action" && e.getAttribute("xsi:type") === "ShowTaskpane"
    );
    const paneSource = paneAction?.getElementsByTagName("SourceLocation")[0];
    expect(page?.getAttribute("resid")).toBe(runtime?.getAttribute("resid"));
    expect(paneSource?.getAttribute("resid")).toBe(runtime?.getAttribute("resid"));
  });

  it("has a ribbon button that opens the task pane", () => {
    const button = elements.find((e) => e.nodeName === "Control" && e.getAttribute("xsi:type") === "Button");
    expect(button).toBeDefined();
    const action = button!.getElementsByTagName("Action")[0];
    expect(action.getAttribute("xsi:type")).toBe("ShowTaskpane");
  });
});

describe("the production build (dist/)", () => {
  const dist = path.join(root, "dist");

  beforeAll(() => {
    if (!fs.existsSync(path.join(dist, "manifest.xml"))) {
      throw new Error("dist/ is missing or incomplete: run `npm run build` first (npm test does).");
    }
  });

  it("holds every file the manifest points to", () => {
    const files = manifestUrls()
      .filter((url) => url.startsWith(DEV_ORIGIN))
      .map((url) => url.slice(DEV_ORIGIN.length).split(/[?#]/)[0]);
    expect(files).toEqual(expect.arrayContaining(["functions.js", "functions.json", "taskpane.html"]));
    for (const file of files) {
      expect({ file, exists: fs.existsSync(path.join(dist, file)) }).toEqual({ file, exists: true });
    }
  });

  it("copies a well-formed manifest whose URLs all share one origin", () => {
    const built = allElements(parseXml(path.join(dist, "manifest.xml")));
    const origins = new Set<string>();
    for (const element of built) {
      const value = element.getAttribute("DefaultValue");
      if (value && /^https?:\/\//.test(value)) origins.add(new URL(value).origin);
    }
    expect(origins.size).toBe(1);
  });
});
