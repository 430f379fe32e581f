/**
 * Requirement sets: every Office API the product calls, with the set that brought it (read from the
 * `[Api set: …]` remarks of @types/office-js and @types/custom-functions-runtime), against the sets
 * manifest.xml declares. A call newer than the declared set must sit under a feature test (a condition
 * that calls `isSetSupported`, directly or through a `…Supported()` helper).
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { DOMParser } from "@xmldom/xmldom";
import { versionAtMost } from "../support/office-js";

const ROOT = path.join(__dirname, "../..");
const SOURCES = ["src/excel", "src/taskpane", "src/functions"];

interface ApiUse {
  api: string;
  set: string;
  version: string;
  guarded: boolean;
  at: string;
}

function sourceFiles(): string[] {
  return SOURCES.flatMap((dir) =>
    fs
      .readdirSync(path.join(ROOT, dir))
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => path.join(ROOT, dir, file))
  );
}

const API_SET = /\[Api set: (\w+) (\d+(?:\.\d+)?)/;

/**
 * Where the typings date an API later than it came: CustomFunctions.Error with #VALUE! and #N/A is
 * CustomFunctionsRuntime 1.2 (the class's own set); the typings mark the whole ErrorCode enum 1.3, the
 * set that added the other codes.
 */
const EARLIER_THAN_TYPINGS: Record<string, string> = {
  "CustomFunctions.ErrorCode.invalidValue": "1.2",
  "CustomFunctions.ErrorCode.notAvailable": "1.2",
};

/** The requirement set of a declaration, from its JSDoc remarks. */
function apiSetOf(symbol: ts.Symbol, checker: ts.TypeChecker): { set: string; version: string } | null {
  for (const tag of symbol.getJsDocTags(checker)) {
    const text = ts.displayPartsToString(tag.text);
    const match = API_SET.exec(text);
    if (match) return { set: match[1], version: match[2] };
  }
  return null;
}

/** Modules whose every call runs only under a feature test made by their caller. */
const GUARDED_BY_CALLER = new Set(["src/excel/print-setup.ts"]); // write.ts: printSetupSupported()

/** True when `node` only runs under a condition that tests support (isSetSupported or a …Supported() helper). */
function isGuarded(node: ts.Node, sourceFile: ts.SourceFile): boolean {
  if (GUARDED_BY_CALLER.has(path.relative(ROOT, sourceFile.fileName).split(path.sep).join("/"))) return true;
  for (let at: ts.Node | undefined = node; at; at = at.parent) {
    const parent: ts.Node | undefined = at.parent;
    if (!parent) break;
    const condition =
      ts.isIfStatement(parent) && parent.thenStatement === at
        ? parent.expression
        : ts.isConditionalExpression(parent) && parent.whenTrue === at
          ? parent.condition
          : ts.isBinaryExpression(parent) &&
              parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken &&
              parent.right === at
            ? parent.left
            : null;
    if (condition && /Supported|suspendScreen/.test(condition.getText(sourceFile))) return true;
  }
  return false;
}

function officeApiUses(): ApiUse[] {
  const config = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const program = ts.createProgram(sourceFiles(), { ...parsed.options, noEmit: true });
  const checker = program.getTypeChecker();
  const uses: ApiUse[] = [];
  for (const sourceFile of program.getSourceFiles()) {
    if (!SOURCES.some((dir) => sourceFile.fileName.startsWith(path.join(ROOT, dir)))) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        const declaration = symbol?.declarations?.[0];
        const file = declaration?.getSourceFile().fileName ?? "";
        if (symbol && /@types\/(office-js|custom-functions-runtime)\//.test(file)) {
          const found = apiSetOf(symbol, checker);
          if (found) {
            const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
            const api = checker.getFullyQualifiedName(symbol);
            uses.push({
              api,
              set: found.set,
              version: EARLIER_THAN_TYPINGS[api] ?? found.version,
              guarded: isGuarded(node, sourceFile),
              at: `${path.relative(ROOT, sourceFile.fileName)}:${line + 1}`,
            });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return uses;
}

function declaredSets(): Record<string, string> {
  const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  const sets: Record<string, string> = {};
  const elements = doc.getElementsByTagName("Set");
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i];
    sets[element.getAttribute("Name") ?? ""] = element.getAttribute("MinVersion") ?? "1.1";
  }
  return sets;
}

test("the manifest declares at least the highest requirement set the product calls without a feature test", () => {
  const uses = officeApiUses();
  // The scan sees the product's Excel calls (a sanity check that it reads the JSDoc at all).
  expect(uses.map((u) => u.api)).toEqual(
    expect.arrayContaining(["Excel.Worksheet.getRangeByIndexes", "Excel.TableCollection.add"])
  );
  const highest: Record<string, ApiUse> = {};
  for (const use of uses) {
    if (use.guarded) continue;
    const current = highest[use.set];
    if (!current || !versionAtMost(use.version, current.version)) highest[use.set] = use;
  }
  const declared = declaredSets();
  const shortfalls = Object.values(highest)
    .filter((use) => !versionAtMost(use.version, declared[use.set] ?? "0"))
    .map(
      (use) =>
        `${use.set} ${use.version} needed by ${use.api} (${use.at}); manifest declares ${declared[use.set] ?? "nothing"}`
    );
  expect(shortfalls).toEqual([]);
  // Guarded calls exist where the declared set is lower (they have a fallback).
  const guardedNewer = uses.filter((u) => u.guarded && !versionAtMost(u.version, declared[u.set] ?? "0"));
  expect(guardedNewer.map((u) => u.api)).toEqual(
    expect.arrayContaining([
      "Excel.Application.suspendScreenUpdatingUntilNextSync",
      "CustomFunctions.ErrorCode.invalidNumber",
      "CustomFunctions.ErrorCode.divisionByZero",
    ])
  );
});
