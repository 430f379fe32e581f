/**
 * What the pane needs only after a click (Check, Insert sample data, Generate): the checker, the report
 * builder and the writer. services.ts loads this module with import() the first time, so webpack puts it
 * in its own chunk and the page starts without it.
 */
export { buildReports, checkInputs, latestMonth, sampleWorkbook } from "../reports";
export { insertSampleData, writeLayouts } from "../excel";
