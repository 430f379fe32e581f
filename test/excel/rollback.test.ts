/** @jest-environment jsdom */
/** All or nothing: whichever sync of a generation fails, the workbook ends exactly as it was. */
import { writeLayouts } from "../../src/excel/write";
import type { InitialSheet } from "../support/excel-host";
import { january2018Layouts, uninstallHost, useHost, userSheets } from "./helpers";

afterEach(() => uninstallHost());

/** User sheets plus an old report sheet (with the table name the new report wants) to be replaced. */
const workbook = (): InitialSheet[] => [
  ...userSheets(),
  {
    name: "Post Commissioning Jan-2018",
    values: [
      ["Device ID", "Reasons"],
      ["old", "a"],
    ],
    tables: [{ name: "PCI_2018_01", address: "A1:B2" }],
  },
];

const options = { confirmReplace: async () => true, maxRequestBytes: 16 * 1024 };

test("failing sync k, for every k of a generation, rolls back to the exact workbook", async () => {
  const layouts = january2018Layouts();
  const reference = useHost(workbook());
  const start = reference.syncCount;
  const result = await writeLayouts(layouts, options);
  const generationSyncs = reference.syncCount - start;
  expect(result.syncs).toBe(generationSyncs);
  expect(generationSyncs).toBeGreaterThan(5);
  console.log(`rollback test: a generation takes ${generationSyncs} syncs`);

  for (let k = 1; k <= generationSyncs; k++) {
    const host = useHost(workbook());
    const before = host.snapshot();
    host.failSync(k);
    await expect(writeLayouts(layouts, options)).rejects.toThrow(/failSync|failed/);
    expect({ k, workbook: host.snapshot() }).toEqual({ k, workbook: before });
  }
});
