/** src/excel: Office.js edges — read input grids, write sheet layouts in bounded batches, roll back. */
export * from "./payload";
export * from "./write";
export * from "./read";
