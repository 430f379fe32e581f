/**
 * webpack.config.js without running webpack: the entries, the type-checked loader, the page's script order,
 * the manifest rewrite for a production URL, and the dev server only when serving.
 */
import * as path from "path";

jest.mock("office-addin-dev-certs", () => ({
  getHttpsServerOptions: jest.fn(async () => ({ key: "test-key", cert: "test-cert", ca: "test-ca" })),
}));

interface CopyPattern {
  from: string;
  to: string;
  transform?: (content: Buffer, absoluteFrom: string) => string | Buffer;
}

interface WebpackConfig {
  mode: string;
  entry: Record<string, string>;
  output: { path: string; filename: string; clean: boolean };
  module: { rules: Array<{ test: RegExp; use: { loader: string; options: Record<string, unknown> } }> };
  plugins: Array<{
    constructor: { name: string };
    patterns?: CopyPattern[];
    userOptions?: Record<string, unknown>;
    options?: Record<string, unknown>;
  }>;
  devServer?: {
    port: number;
    server: { type: string; options: unknown };
    headers: Record<string, string>;
    static: { directory: string };
  };
}

type ConfigFactory = (env: Record<string, unknown>, argv: Record<string, unknown>) => Promise<WebpackConfig>;

const ROOT = path.resolve(__dirname, "../..");
// The config is plain CommonJS, as webpack-cli loads it.
const makeConfig = require("../../webpack.config.js") as ConfigFactory;

function plugin(config: WebpackConfig, name: string): WebpackConfig["plugins"][number] {
  const found = config.plugins.find((candidate) => candidate.constructor.name === name);
  if (found === undefined) throw new Error(`no ${name} in the webpack config`);
  return found;
}

/** The manifest text a build with this ADDIN_PUBLIC_URL would write. */
async function manifestBuiltWith(publicUrl: string | undefined, mode = "production"): Promise<string> {
  const saved = process.env.ADDIN_PUBLIC_URL;
  if (publicUrl === undefined) delete process.env.ADDIN_PUBLIC_URL;
  else process.env.ADDIN_PUBLIC_URL = publicUrl;
  try {
    const config = await makeConfig({}, { mode });
    const pattern = plugin(config, "CopyPlugin").patterns?.find(
      (candidate) => candidate.from === "manifest.xml"
    );
    if (pattern?.transform === undefined) throw new Error("manifest.xml is not copied with a transform");
    const source = Buffer.from(
      [
        '<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>',
        "<AppDomain>https://localhost:3000</AppDomain>",
        '<bt:Url id="Functions.Script.Url" DefaultValue="https://localhost:3000/functions.js"/>',
      ].join("\n")
    );
    return pattern.transform(source, path.join(ROOT, "manifest.xml")).toString();
  } finally {
    if (saved === undefined) delete process.env.ADDIN_PUBLIC_URL;
    else process.env.ADDIN_PUBLIC_URL = saved;
  }
}

describe("webpack.config.js", () => {
  it("builds the functions and task pane entries into dist/[name].js, cleaning dist", async () => {
    const config = await makeConfig({}, { mode: "production" });
    expect(config.mode).toBe("production");
    expect(config.entry).toEqual({
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
    });
    expect(config.output).toMatchObject({
      path: path.join(ROOT, "dist"),
      filename: "[name].js",
      clean: true,
    });
  });

  it("type-checks TypeScript with ts-loader and emits ES modules for tree-shaking", async () => {
    const config = await makeConfig({}, { mode: "production" });
    const rule = config.module.rules.find((candidate) => candidate.test.test("functions.ts"));
    expect(rule?.test.test("index.tsx")).toBe(true);
    expect(rule?.use.loader).toBe("ts-loader");
    expect(rule?.use.options.transpileOnly).toBeUndefined();
    expect(rule?.use.options.compilerOptions).toEqual({ module: "es2020" });
  });

  it("generates functions.json from src/functions/functions.ts", async () => {
    const config = await makeConfig({}, { mode: "production" });
    expect(plugin(config, "CustomFunctionsMetadataPlugin").options).toEqual({
      input: "./src/functions/functions.ts",
      output: "functions.json",
    });
  });

  it("puts the functions bundle before the task pane bundle on taskpane.html", async () => {
    const config = await makeConfig({}, { mode: "production" });
    expect(plugin(config, "HtmlWebpackPlugin").userOptions).toMatchObject({
      filename: "taskpane.html",
      template: "./src/taskpane/taskpane.html",
      chunks: ["functions", "taskpane"],
      chunksSortMode: "manual",
    });
  });

  it("copies the assets and the manifest", async () => {
    const config = await makeConfig({}, { mode: "production" });
    const patterns = plugin(config, "CopyPlugin").patterns ?? [];
    expect(patterns.map(({ from, to }) => ({ from, to }))).toEqual([
      { from: "assets/*", to: "assets/[name][ext]" },
      { from: "manifest.xml", to: "manifest.xml" },
    ]);
  });

  it("leaves the manifest on localhost when ADDIN_PUBLIC_URL is unset or in development", async () => {
    const unset = await manifestBuiltWith(undefined);
    expect(unset).toContain('DefaultValue="https://localhost:3000/functions.js"');
    expect(unset).toContain("<AppDomain>https://localhost:3000</AppDomain>");
    expect(await manifestBuiltWith("https://reports.example.org/dcc/", "development")).toContain(
      "https://localhost:3000/assets/icon-32.png"
    );
  });

  it("points every manifest URL at ADDIN_PUBLIC_URL in production", async () => {
    const manifest = await manifestBuiltWith("https://reports.example.org/dcc/");
    expect(manifest).not.toContain("localhost");
    expect(manifest).toContain('DefaultValue="https://reports.example.org/dcc/assets/icon-32.png"');
    expect(manifest).toContain('DefaultValue="https://reports.example.org/dcc/functions.js"');
    expect(manifest).toContain("<AppDomain>https://reports.example.org</AppDomain>");
  });

  it("refuses an ADDIN_PUBLIC_URL without the final slash or not on https", async () => {
    await expect(manifestBuiltWith("https://reports.example.org/dcc")).rejects.toThrow(/must end with "\/"/);
    await expect(manifestBuiltWith("http://reports.example.org/")).rejects.toThrow(/https/);
  });

  it("has no dev server (and asks for no certificates) unless serving", async () => {
    const devCerts = jest.requireMock<{ getHttpsServerOptions: jest.Mock }>("office-addin-dev-certs");
    devCerts.getHttpsServerOptions.mockClear();
    const config = await makeConfig({}, { mode: "development" });
    expect(config.devServer).toBeUndefined();
    expect(devCerts.getHttpsServerOptions).not.toHaveBeenCalled();
  });

  it("serves dist over https on port 3000 with CORS open when serving", async () => {
    const config = await makeConfig({ WEBPACK_SERVE: true }, { mode: "development" });
    expect(config.devServer).toEqual({
      port: 3000,
      server: { type: "https", options: { key: "test-key", cert: "test-cert", ca: "test-ca" } },
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.join(ROOT, "dist") },
    });
  });
});
