import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** Office's theme colours, as Office.context.officeTheme gives them (absent outside Office). */
export interface OfficeThemeColours {
  bodyBackgroundColor?: string;
}

/** True when a #RRGGBB colour is dark (relative luminance below one half). */
export function isDarkColour(hex: string | undefined): boolean {
  if (!hex || !/^#?[0-9a-f]{6}$/i.test(hex)) return false;
  const value = parseInt(hex.replace("#", ""), 16);
  const [r, g, b] = [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.5;
}

/** The Fluent theme that follows Office's: dark when Office's pane background is dark. */
export function themeForOffice(officeTheme: OfficeThemeColours | undefined): Theme {
  return isDarkColour(officeTheme?.bodyBackgroundColor) ? webDarkTheme : webLightTheme;
}
