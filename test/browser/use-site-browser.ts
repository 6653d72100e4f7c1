import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { launchChromium } from "./launch-chromium.ts";

/** What serves the pages under test: the built site alone, behind a stand-in service, or the real one. */
export interface SiteServer {
  url: string;
  close: () => Promise<void>;
}

export interface SiteBrowser {
  /** the server's origin, once the suite has started */
  readonly url: string;
  /**
   * Opens `path` in a fresh context, watched: a console error (but a 404 from /api/, an answer the
   * pages handle that Chromium logs all the same), an uncaught error, a dialog, a request to any
   * other origin, or anything the page's security policy refuses fails the test. `watch` adds a
   * test's own rules (calling `trouble`) before the page loads.
   */
  open: (path: string, options?: { width?: number; dark?: boolean; watch?: (page: Page) => void }) => Promise<Page>;
  /** a context nobody watches (for a test that provokes what open() calls trouble), closed with the test's others */
  newContext: () => Promise<BrowserContext>;
  /** a test's own rule found something the pages must not do */
  trouble: (text: string) => void;
}

/**
 * The browser suites' common set-up, as vitest hooks: before all, `start` serves the site and
 * Chromium (with `chromiumArgs`) is launched; after each test, its contexts close and the trouble
 * its pages made must be none; after all, both stop.
 */
export function useSiteBrowser(start: () => Promise<SiteServer>, chromiumArgs: readonly string[] = []): SiteBrowser {
  let server: SiteServer | undefined;
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];
  let trouble: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([start(), launchChromium(chromiumArgs)]);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    contexts = [];
    const seen = trouble;
    trouble = [];
    expect(seen).toEqual([]);
  });

  const origin = () => new URL(server!.url).origin;
  const newContext = async (options: Parameters<Browser["newContext"]>[0] = {}) => {
    const context = await browser!.newContext(options);
    contexts.push(context);
    return context;
  };

  return {
    get url() {
      return origin();
    },
    newContext: () => newContext(),
    trouble: (text) => trouble.push(text),
    open: async (path, options = {}) => {
      const context = await newContext({ viewport: { width: options.width ?? 1280, height: 900 }, colorScheme: options.dark ? "dark" : "light" });
      // the pages run under the policy their _headers gives them (serve-static.ts): anything it refuses is trouble
      await context.exposeBinding("reportViolation", (_source, text: string) => trouble.push(`refused by the policy: ${text}`));
      await context.addInitScript(() =>
        document.addEventListener("securitypolicyviolation", (e) =>
          (window as unknown as { reportViolation: (text: string) => void }).reportViolation(`${e.effectiveDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`),
        ),
      );
      const page = await context.newPage();
      page.on("console", (m) => m.type() === "error" && !(m.text().startsWith("Failed to load resource") && new URL(m.location().url).pathname.startsWith("/api/")) && trouble.push(`console: ${m.text()}`));
      page.on("pageerror", (e) => trouble.push(`page error: ${e.message}`));
      page.on("dialog", (d) => {
        trouble.push(`dialog: ${d.message()}`);
        void d.dismiss();
      });
      page.on("request", (r) => {
        const url = new URL(r.url());
        if (url.protocol !== "data:" && url.protocol !== "blob:" && url.origin !== origin()) trouble.push(`request to ${r.url()}`);
      });
      options.watch?.(page);
      await page.goto(origin() + path);
      return page;
    },
  };
}
