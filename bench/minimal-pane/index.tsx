/**
 * The floor for the time-to-interactive case: the smallest page built the way the add-in's is (the same
 * webpack config, Office.onReady, React 18, a FluentProvider with the Office theme) with one Button. Its
 * label is the pane's "Check", so the bench waits for the same thing on both pages.
 */
import { Button, FluentProvider, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import { createRoot } from "react-dom/client";

Office.onReady(() => {
  const container = document.getElementById("root");
  if (!container) throw new Error("The page has no #root element.");
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Button appearance="primary">Check</Button>
    </FluentProvider>
  );
});
