/**
 * The built custom functions, as Excel loads them: dist/functions.json (metadata generated from the JSDoc)
 * and dist/functions.js run with only the globals the Office custom functions runtime provides. Needs
 * `npm run build` first (`npm test` runs it).
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import {
  FakeCustomFunctions,
  FakeCustomFunctionsError,
  createFakeCustomFunctions,
} from "../functions/fakeCustomFunctions";

const DIST = path.resolve(__dirname, "../../dist");

function readDist(file: string): string {
  const fullPath = path.join(DIST, file);
  if (!fs.existsSync(fullPath)) {
    throw new Error(`dist/${file} is missing: run \`npm run build\` before this test (npm test does).`);
  }
  return fs.readFileSync(fullPath, "utf8");
}

interface ParameterMetadata {
  name: string;
  description?: string;
  dimensionality?: string;
  optional?: boolean;
  type?: string;
}

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterMetadata[];
  result: { dimensionality?: string };
}

function readMetadata(): FunctionMetadata[] {
  return (JSON.parse(readDist("functions.json")) as { functions: FunctionMetadata[] }).functions;
}

/** Each function's parameters as the SPEC names them: [name, takes a range, optional]. */
const EXPECTED_PARAMETERS: Record<string, Array<[string, boolean, boolean]>> = {
  SECVARIANCE: [
    ["actual", true, false],
    ["forecast", true, false],
    ["report", false, true],
    ["result", false, true],
  ],
  PCIFLAG: [
    ["commissioned", true, false],
    ["measured", true, false],
    ["interrogated", true, false],
    ["recovery_anchor", true, false],
    ["issue_sc", true, false],
    ["update_sc_device", true, false],
    ["update_sc_krp", true, false],
  ],
  SECDUEDATE: [
    ["period", true, false],
    ["working_days", true, true],
    ["holidays", true, true],
  ],
  SECWORKDAY: [
    ["start", true, false],
    ["days", true, false],
    ["holidays", true, true],
  ],
  SECTHRESHOLD: [
    ["value", true, false],
    ["threshold", true, false],
    ["breach_when", true, true],
  ],
};

describe("dist/functions.json", () => {
  it("asks for no CustomFunctionsRuntime 1.4 feature (allowCustomDataForDataTypeAny), which perpetual Office lacks", () => {
    expect(JSON.parse(readDist("functions.json"))).not.toHaveProperty("allowCustomDataForDataTypeAny");
  });

  it("declares exactly the five DCC functions", () => {
    const metadata = readMetadata();
    expect(metadata.map((fn) => fn.id).sort()).toEqual([
      "PCIFLAG",
      "SECDUEDATE",
      "SECTHRESHOLD",
      "SECVARIANCE",
      "SECWORKDAY",
    ]);
    for (const fn of metadata) expect(fn.name).toBe(fn.id);
  });

  it.each(Object.keys(EXPECTED_PARAMETERS))(
    "%s: parameters in order, ranges as matrices, optional ones marked, all described",
    (id) => {
      const fn = readMetadata().find((candidate) => candidate.id === id);
      expect(fn).toBeDefined();
      if (fn === undefined) return;
      expect(fn.description).toMatch(/\S{3}/);
      expect(fn.result.dimensionality).toBe("matrix");
      expect(fn.parameters.map((parameter) => parameter.name)).toEqual(
        EXPECTED_PARAMETERS[id].map(([name]) => name)
      );
      fn.parameters.forEach((parameter, index) => {
        const [, takesRange, optional] = EXPECTED_PARAMETERS[id][index];
        expect({ name: parameter.name, matrix: parameter.dimensionality === "matrix" }).toEqual({
          name: parameter.name,
          matrix: takesRange,
        });
        expect({ name: parameter.name, optional: parameter.optional === true }).toEqual({
          name: parameter.name,
          optional,
        });
        expect(parameter.description).toMatch(/\S{3}/);
      });
    }
  );
});

type CustomFunction = (...args: unknown[]) => unknown[][];

/** Runs dist/functions.js in a fresh context holding only what the custom functions runtime provides. */
function loadFunctionsBundle(): { fake: FakeCustomFunctions; registered: Map<string, CustomFunction> } {
  const code = readDist("functions.js");
  const fake = createFakeCustomFunctions();
  const sandbox: Record<string, unknown> = {
    CustomFunctions: fake,
    Office: { onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }) },
  };
  sandbox.self = sandbox;
  sandbox.window = sandbox;
  vm.runInContext(code, vm.createContext(sandbox), { filename: "dist/functions.js" });
  const registered = new Map<string, CustomFunction>();
  for (const { id, functionObject } of fake.associations) {
    registered.set(id, functionObject as unknown as CustomFunction);
  }
  return { fake, registered };
}

describe("dist/functions.js in a bare custom functions runtime", () => {
  it("registers each of the five functions exactly once", () => {
    const { fake } = loadFunctionsBundle();
    expect(fake.associations.map((association) => association.id).sort()).toEqual([
      "PCIFLAG",
      "SECDUEDATE",
      "SECTHRESHOLD",
      "SECVARIANCE",
      "SECWORKDAY",
    ]);
    for (const { functionObject } of fake.associations) expect(typeof functionObject).toBe("function");
  });

  it("answers calls made as Excel makes them (2-D arrays; omitted optional arguments as null)", () => {
    const { registered } = loadFunctionsBundle();
    const call = (id: string, ...args: unknown[]): unknown[][] => {
      const fn = registered.get(id);
      if (fn === undefined) throw new Error(`${id} was not registered`);
      return fn(...args);
    };

    expect(
      call("SECVARIANCE", [[90], [9], [110], [99], [5]], [[100], [10], [100], [90], [null]], null, null)
    ).toEqual([["Under"], ["Under"], ["Over"], ["Over"], ["No forecast"]]);
    expect(call("SECVARIANCE", [[90]], [[100]], "CSR", "percent")).toEqual([[0.9]]);
    expect(call("SECDUEDATE", [["2018-01"]], null, null)).toEqual([[43145]]);
    expect(call("SECDUEDATE", [[43115]], [[10]], [[43145]])).toEqual([[43146]]);
    expect(call("SECWORKDAY", [[43140]], [[1, -1]], null)).toEqual([[43143, 43139]]);
    expect(call("SECTHRESHOLD", [[0.06], [0.05]], [[0.05]], null)).toEqual([["Breach"], ["Within"]]);
    expect(
      call(
        "PCIFLAG",
        [[43100], [null], [43128]],
        [[43131]],
        [[true], [false], [true]],
        [["Yes"]],
        [[2]],
        [[2]],
        [[1]]
      )
    ).toEqual([["e"], ["Not commissioned"], ["Not due"]]);
  });

  it("returns Excel errors built with the runtime's CustomFunctions.Error, never throwing", () => {
    const { registered } = loadFunctionsBundle();
    const variance = registered.get("SECVARIANCE");
    expect(variance).toBeDefined();
    if (variance === undefined) return;

    const result = variance([["abc"], [-1], [1]], [[10], [10], [0]], null, null);
    const [[bad], [negative], [overZero]] = result;
    expect(bad).toBeInstanceOf(FakeCustomFunctionsError);
    expect(bad).toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/"abc" is not a number/) });
    expect(negative).toBeInstanceOf(FakeCustomFunctionsError);
    expect(negative).toMatchObject({ code: "#NUM!" });
    expect(overZero).toBe("Over");

    const mismatched = variance([[1], [2]], [[1], [2], [3]], null, null);
    expect(mismatched).toHaveLength(1);
    expect(mismatched[0][0]).toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/same size/) });
  });
});

describe("dist/taskpane.html and dist/taskpane.js", () => {
  it("loads the functions bundle before the task pane bundle", () => {
    const html = readDist("taskpane.html");
    const functionsAt = html.search(/<script[^>]*src="?functions\.js/);
    const taskpaneAt = html.search(/<script[^>]*src="?taskpane\.js/);
    expect(functionsAt).toBeGreaterThanOrEqual(0);
    expect(taskpaneAt).toBeGreaterThan(functionsAt);
  });

  it("leaves registration to the functions bundle, so no function is registered twice", () => {
    expect(readDist("taskpane.js")).not.toContain("CustomFunctions.associate");
  });

  it("keeps the pane out of the functions bundle: no React, no Fluent UI", () => {
    // A string React's runtime always contains, and the class prefix of every Fluent v9 component.
    const reactMarker = "__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED";
    expect(readDist("taskpane.js")).toContain(reactMarker);
    expect(readDist("taskpane.js")).toContain("fui-");
    expect(readDist("functions.js")).not.toContain(reactMarker);
    expect(readDist("functions.js")).not.toContain("fui-");
  });
});
