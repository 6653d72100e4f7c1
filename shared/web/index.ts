// HTTP headers every page heavytail serves carries.
export { pageSecurityHeaders } from "./page-security-headers.ts";
