import { ModelIdError } from "./model-id-error.ts";

const MAX_REVISION_LENGTH = 200;
// git ref names restricted to the characters the Hub uses: branches, tags, `refs/pr/N`, shas
const REVISION_CHARS = /^[A-Za-z0-9._\-/]+$/;

/** Returns the revision unchanged when it is a plausible Hub revision, else throws `invalid_revision`. */
export function checkRevision(revision: string): string {
  const fail = (why: string) => {
    throw new ModelIdError("invalid_revision", `revision ${JSON.stringify(revision.slice(0, 80))} ${why}`);
  };
  if (revision.length === 0) fail("is empty");
  if (revision.length > MAX_REVISION_LENGTH) fail(`is longer than ${MAX_REVISION_LENGTH} characters`);
  if (!REVISION_CHARS.test(revision)) fail("may only hold letters, digits, '.', '_', '-' and '/'");
  if (revision.includes("..")) fail("must not contain '..'");
  if (revision.startsWith("/") || revision.endsWith("/") || revision.includes("//")) fail("has an empty path segment");
  if (revision.startsWith(".") || revision.endsWith(".") || revision.endsWith(".lock")) fail("is not a valid git ref name");
  return revision;
}
