// Progress of a long command on stderr: a bar redrawn in place on a terminal, and plain lines
// otherwise (a log file or a pipe gets no carriage returns to untangle).

const WIDTH = 24;

export interface ProgressOutput {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** Returns the listener to call with (done, total), and `end` to call once at the end. */
export function progressReporter(
  what: string,
  out: ProgressOutput = process.stderr,
): { update(done: number, total: number): void; end(): void } {
  let drawn = false;
  return {
    update(done, total) {
      if (out.isTTY) {
        const filled = total > 0 ? Math.round((done / total) * WIDTH) : 0;
        const bar = `${"█".repeat(filled)}${"░".repeat(WIDTH - filled)}`;
        out.write(`\r${bar} ${done}/${total} ${what}`);
        drawn = true;
      } else if (done > 0) {
        out.write(`${done}/${total} ${what}\n`);
      }
    },
    end() {
      if (drawn) out.write("\n");
    },
  };
}
