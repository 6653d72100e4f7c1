// The quality badge: what it says about a report, as SVG or as a shields.io endpoint.
export { badgeContent } from "./badge-content.ts";
export { badgeWithBase } from "./badge-with-base.ts";
export { renderBadgeSvg } from "./render-badge-svg.ts";
export { shieldsEndpoint } from "./shields-endpoint.ts";
