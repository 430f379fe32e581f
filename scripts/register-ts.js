// `node -r ./scripts/register-ts.js file.ts`: runs the project's TypeScript in Node (npm run report,
// npm run examples, npm run bench, and the tests that start the runner). Each file is transpiled as
// TypeScript's transpileModule does (no type check: `npm run typecheck` and the tests do that), and the
// JavaScript is kept in node_modules/.cache, keyed by the file's text and the compiler options. On a warm
// cache TypeScript itself is never loaded: loading it and transpiling the runner's ~90 files took 1.5 s
// of every run.
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const CACHE_DIR = path.join(ROOT, "node_modules", ".cache", "dcc-register-ts");
/** Part of every cache key: change it when this file changes what it makes of a source. */
const FORMAT = "1";

let typescript;
let compilerOptions;

/** tsconfig.json's options for CommonJS in Node, with the source map inline so that stack traces name .ts lines. */
function loadCompiler() {
  if (typescript !== undefined) return;
  typescript = require("typescript");
  const configFile = path.join(ROOT, "tsconfig.json");
  const { config, error } = typescript.readConfigFile(configFile, typescript.sys.readFile);
  if (error !== undefined) throw new Error(typescript.flattenDiagnosticMessageText(error.messageText, "\n"));
  const parsed = typescript.parseJsonConfigFileContent(config, typescript.sys, ROOT);
  compilerOptions = {
    ...parsed.options,
    module: typescript.ModuleKind.CommonJS,
    sourceMap: false,
    inlineSourceMap: true,
    inlineSources: false,
    declaration: false,
    noEmit: false,
  };
}

const configText = fs.readFileSync(path.join(ROOT, "tsconfig.json"), "utf8");

function transpile(source, filename) {
  const key = crypto
    .createHash("sha256")
    .update(`${FORMAT}\0${configText}\0${filename}\0${source}`)
    .digest("hex");
  const cached = path.join(CACHE_DIR, `${key}.js`);
  try {
    return fs.readFileSync(cached, "utf8");
  } catch {
    // Not cached yet: transpile below.
  }
  loadCompiler();
  const output = typescript.transpileModule(source, { compilerOptions, fileName: filename });
  try {
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    // Written whole under another name, then renamed: two processes may fill the cache at once.
    const partial = `${cached}.${process.pid}.partial`;
    fs.writeFileSync(partial, output.outputText);
    fs.renameSync(partial, cached);
  } catch {
    // A cache that cannot be written costs time, not correctness.
  }
  return output.outputText;
}

function compileTypeScript(module, filename) {
  module._compile(transpile(fs.readFileSync(filename, "utf8"), filename), filename);
}

process.setSourceMapsEnabled(true);
require.extensions[".ts"] = compileTypeScript;
require.extensions[".tsx"] = compileTypeScript;
