/** heavytail's version, written into every report (keep in step with package.json). */
export const TOOL_VERSION = "0.1.0";
