/**
 * Test helpers for the task pane in jsdom: the browser APIs Fluent UI v9 expects and jsdom lacks, and a
 * render helper that wraps the pane in a FluentProvider the way index.tsx does.
 */
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { configure, render, type RenderResult } from "@testing-library/react";
import * as React from "react";
import { webcrypto } from "crypto";
import { TextDecoder, TextEncoder } from "util";

class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

/**
 * Installs what jsdom lacks: ResizeObserver, matchMedia and scrollIntoView (Fluent popovers use them), and
 * TextEncoder/TextDecoder (browsers have them; the in-memory Excel host measures requests with them).
 */
export function installDomPolyfills(): void {
  const globals = globalThis as unknown as Record<string, unknown>;
  if (globals.TextEncoder === undefined) globals.TextEncoder = TextEncoder;
  if (globals.TextDecoder === undefined) globals.TextDecoder = TextDecoder;
  // Web Crypto: jsdom has no crypto.subtle; Node's is the same standard API (the pane hashes with it).
  if ((globals.crypto as Crypto | undefined)?.subtle === undefined) {
    Object.defineProperty(globalThis, "crypto", { value: webcrypto, configurable: true });
  }
  if (globals.ResizeObserver === undefined) globals.ResizeObserver = NoopResizeObserver;
  if (typeof window.matchMedia !== "function") {
    window.matchMedia = (query: string): MediaQueryList =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  if (typeof Element.prototype.scrollIntoView !== "function") {
    Element.prototype.scrollIntoView = function scrollIntoView(): void {};
  }
}

installDomPolyfills();

// findBy/waitFor give up after this long. The default (1 s) is too short on a loaded two-core machine;
// a correct pane answers well within it, so a longer bound only changes how long a real failure takes.
configure({ asyncUtilTimeout: 15000 });

export function renderInFluent(ui: React.ReactElement): RenderResult {
  return render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
}
