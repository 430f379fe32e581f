/** examples/sample-input.xlsx is what `npm run examples` makes from sampleWorkbook(), byte for byte. */
import { promises as fs } from "fs";
import * as path from "path";
import { detectInputs, sampleGrids, sampleWorkbook } from "../../src/reports";
import { readXlsxGrids } from "../../src/cli/read-xlsx";
import { SAMPLE_INPUT, makeTempDir, readModel, readWorkbook, runNodeScript, sha256 } from "./helpers";

describe("npm run examples", () => {
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = await makeTempDir("examples");
    file = path.join(dir, "sample-input.xlsx");
    const result = await runNodeScript("scripts/make-examples.ts", [file]);
    if (result.status !== 0) throw new Error(result.stderr);
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("is reproducible, and the committed sample is up to date (else run `npm run examples`)", async () => {
    expect(await sha256(file)).toBe(await sha256(SAMPLE_INPUT));
  });

  it("holds each sample sheet as an Excel table with dates formatted as dates", async () => {
    const workbook = await readWorkbook(file);
    const sample = sampleWorkbook();
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(sample.map((sheet) => sheet.name));
    for (const sheet of workbook.worksheets) {
      const expected = sample.find((candidate) => candidate.name === sheet.name);
      const tables = Object.values(readModel(sheet).tables);
      expect(tables).toHaveLength(1);
      expect(tables[0].table.columns.map((column) => column.name)).toEqual(expected?.values[0]);
    }
    // The Devices Commissioned column reads back as dates.
    const devices = workbook.getWorksheet("Devices");
    const commissionedCol = (sample[2].values[0] as string[]).indexOf("Date Commissioned") + 1;
    expect(devices?.getCell(2, commissionedCol).value).toBeInstanceOf(Date);
  });

  it("reads back (through the CLI reader) to the same inputs as the sample itself", async () => {
    const fromFile = detectInputs(await readXlsxGrids(file));
    const fromSample = detectInputs(sampleGrids());
    expect(fromFile.map((input) => [input.kind, input.source.sheet, input.rowCount, input.columns])).toEqual(
      fromSample.map((input) => [input.kind, input.source.sheet, input.rowCount, input.columns])
    );
  });
});
