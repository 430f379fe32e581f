import { FluentProvider } from "@fluentui/react-components";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { defaultPaneServices } from "./services";
import { themeForOffice } from "./theme";

/* The custom functions are registered by the functions bundle, which the page loads before this one,
   so they work even if the pane fails to render. */
Office.onReady(() => {
  const container = document.getElementById("root");
  if (!container) throw new Error("The task pane page has no #root element.");
  const theme = themeForOffice(Office.context?.officeTheme);
  createRoot(container).render(
    <FluentProvider theme={theme}>
      <App services={defaultPaneServices} />
    </FluentProvider>
  );
});
