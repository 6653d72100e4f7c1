import { createWriteStream } from "node:fs";
import type { Readable } from "node:stream";

export interface BoundedLog {
  /** Appends a process's output, line by line, to the log. */
  follow(output: Readable): void;
  /** A line of the launcher's own: always written, past the cap too. */
  note(line: string): void;
  /** Writes what is pending and closes the file. */
  end(): Promise<void>;
}

const MIB = 1024 * 1024;

/**
 * A log file that stays readable when the process it follows spins on an error (a runtime out of
 * file descriptors writes one line per failed accept, gigabytes in minutes): a run of one repeated
 * line is written once with its count, and past `maxBytes` the process's output is left out, said
 * once, while the launcher's notes still go in. Empty lines are written as they come.
 */
export function createBoundedLog(path: string, maxBytes = 64 * MIB): BoundedLog {
  const file = createWriteStream(path);
  let written = 0;
  let capped = false;
  let closed = false;
  let last: string | undefined;
  let repeats = 0;

  const put = (text: string) => {
    if (closed) return;
    written += Buffer.byteLength(text);
    file.write(text);
  };
  const flushRepeats = () => {
    if (repeats > 0) put(`[heavytail] the line above came ${repeats} more time${repeats === 1 ? "" : "s"}\n`);
    repeats = 0;
  };
  const line = (text: string) => {
    if (capped) return;
    // wrangler puts an empty line after each warning: not a run worth counting
    if (text === last && text.trim() !== "") return void repeats++;
    flushRepeats();
    last = text;
    if (written + text.length + 1 > maxBytes) {
      capped = true;
      return put(`[heavytail] the rest of the service's output is left out of this log: it passed ${Math.round(maxBytes / MIB)} MiB\n`);
    }
    put(`${text}\n`);
  };

  return {
    follow(output) {
      let partial = "";
      output.setEncoding("utf8");
      output.on("data", (chunk: string) => {
        const lines = (partial + chunk).split("\n");
        partial = lines.pop()!;
        for (const l of lines) line(l);
      });
      output.once("end", () => partial && line(partial));
    },
    note(text) {
      flushRepeats();
      last = undefined;
      put(`[heavytail] ${text}\n`);
    },
    end() {
      flushRepeats();
      closed = true;
      return new Promise((resolve) => file.end(resolve));
    },
  };
}
