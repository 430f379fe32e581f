/** src/reports: input grids -> checked records -> report models -> sheet layouts. Pure: no Office.js, no I/O. */
export * from "./layout";
export * from "./address";
export * from "./inputs";
export * from "./check";
export * from "./models";
export * from "./sheets";
export * from "./sample";
