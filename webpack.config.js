/* Webpack 5 build for the add-in: one page (shared runtime) that loads the custom functions bundle first and
   the task pane bundle second, plus functions.json generated from the JSDoc in src/functions/functions.ts. */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { Compilation, sources } = require("webpack");

const DEV_URL = "https://localhost:3000/";
const DEV_ORIGIN = "https://localhost:3000";
const DEV_PORT = 3000;

/** The public URL that replaces https://localhost:3000/ in the manifest of a production build. */
function publicUrlFromEnvironment() {
  const url = process.env.ADDIN_PUBLIC_URL;
  if (url === undefined || url.trim() === "") return DEV_URL;
  if (!url.endsWith("/")) {
    throw new Error(`ADDIN_PUBLIC_URL must end with "/" (it is the folder that holds taskpane.html): ${url}`);
  }
  if (!/^https:\/\//i.test(url)) {
    throw new Error(
      `ADDIN_PUBLIC_URL must be an https:// URL (Office loads add-ins over https only): ${url}`
    );
  }
  return url;
}

/** Points every manifest URL at publicUrl; bare origins (AppDomain) get the new origin. */
function rewriteManifest(manifestXml, publicUrl) {
  if (publicUrl === DEV_URL) return manifestXml;
  return manifestXml.split(DEV_URL).join(publicUrl).split(DEV_ORIGIN).join(new URL(publicUrl).origin);
}

/**
 * The metadata generator always asks for allowCustomDataForDataTypeAny, a CustomFunctionsRuntime 1.4
 * feature the functions do not use and perpetual Office lacks: functions.json goes out without it.
 */
class WithoutDataTypeAnyFlag {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("WithoutDataTypeAnyFlag", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "WithoutDataTypeAnyFlag", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return;
          const metadata = JSON.parse(asset.source.source().toString());
          delete metadata.allowCustomDataForDataTypeAny;
          compilation.updateAsset("functions.json", new sources.RawSource(JSON.stringify(metadata, null, 4)));
        }
      );
    });
  }
}

module.exports = async (env, argv) => {
  const mode = argv.mode === "development" ? "development" : "production";
  const serving = Boolean((env && env.WEBPACK_SERVE) || (argv && argv.env && argv.env.WEBPACK_SERVE));
  const publicUrl = mode === "production" ? publicUrlFromEnvironment() : DEV_URL;

  const config = {
    mode,
    devtool: mode === "development" ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Code the pane needs only after a click (checking, building, writing, the dialog, the results).
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Our modules run nothing on import (the two entries are always kept), so an import that is
          // not used can be dropped: the first bundle then holds only what the pane needs to start.
          sideEffects: false,
          use: {
            loader: "ts-loader",
            options: {
              // Type-checked build (no transpileOnly); ES modules so webpack can tree-shake.
              compilerOptions: { module: "es2020" },
              // Check what ships; `npm run typecheck` checks the tests and scripts too.
              onlyCompileBundledFiles: true,
            },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        input: "./src/functions/functions.ts",
        output: "functions.json",
      }),
      new WithoutDataTypeAnyFlag(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // The functions register before (and independently of) the React render.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return rewriteManifest(content.toString(), publicUrl);
            },
          },
        ],
      }),
    ],
    performance: {
      // Fluent UI makes the pane bundle large; flag only real growth.
      maxAssetSize: 2 * 1024 * 1024,
      maxEntrypointSize: 2 * 1024 * 1024,
    },
  };

  if (serving) {
    // Only when serving: the dev certificates may prompt to install a local CA.
    const devCerts = require("office-addin-dev-certs");
    config.devServer = {
      port: DEV_PORT,
      server: { type: "https", options: await devCerts.getHttpsServerOptions() },
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.resolve(__dirname, "dist") },
    };
  }

  return config;
};
