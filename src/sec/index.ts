/** The SEC rules as pure functions: no Office.js, no I/O, no React. */
export * from "./dates";
export * from "./calendar";
export * from "./variance";
export * from "./pci";
export * from "./eui64";
export * from "./coerce";
export * from "./threshold";
