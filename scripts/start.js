// `npm start`: serve the add-in on https://localhost:3000 and sideload it into desktop Excel.
// Desktop sideloading (office-addin-debugging, an optional dependency) works on Windows and macOS only;
// elsewhere, or when it is not installed, this keeps serving and prints how to add the add-in to Excel
// on the web.
const { spawn } = require("child_process");

function canSideloadDesktop() {
  if (process.platform !== "win32" && process.platform !== "darwin") return false;
  try {
    require.resolve("office-addin-debugging/package.json");
    return true;
  } catch {
    return false;
  }
}

function run(command, args) {
  const child = spawn(command, args, { stdio: "inherit", shell: process.platform === "win32" });
  child.on("exit", (code) => process.exit(code ?? 1));
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
}

if (canSideloadDesktop()) {
  run("npx", ["office-addin-debugging", "start", "manifest.xml", "desktop"]);
} else {
  const why =
    process.platform === "win32" || process.platform === "darwin"
      ? "office-addin-debugging is not installed"
      : `desktop Excel sideloading is not supported on ${process.platform}`;
  console.log(
    [
      "",
      `Serving the add-in on https://localhost:3000 (${why}).`,
      "To use it in Excel on the web:",
      "  1. Open a workbook at https://www.office.com (Excel on the web).",
      "  2. Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in.",
      `  3. Choose ${require("path").resolve(__dirname, "..", "manifest.xml")} and Upload.`,
      "  4. Open the pane with Home > SEC Reports; type =DCC. in a cell for the functions.",
      "The browser must trust the development certificate: run `npx office-addin-dev-certs install` once.",
      "",
    ].join("\n")
  );
  run("npx", ["webpack", "serve", "--mode", "development"]);
}
