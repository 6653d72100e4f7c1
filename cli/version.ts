import packageJson from "../package.json" with { type: "json" };

/** the package's version, inlined into the bundled CLI by the build */
export const VERSION: string = packageJson.version;
