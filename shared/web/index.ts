// HTTP headers every page heavytail serves carries.
export { escapeMarkup } from "./escape-markup.ts";
export { pageSecurityHeaders } from "./page-security-headers.ts";
