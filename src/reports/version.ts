/** The product's name and version, as the audit stamp shows them (kept equal to package.json by a test). */
export const PRODUCT_NAME = "DCC SEC Reporting";
export const PRODUCT_VERSION = "0.1.0";
