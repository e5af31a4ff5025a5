/**
 * What must be undone however the bench ends: child processes, brokers, throw-away databases.
 * Each part registers an undo step as soon as it creates something and runs it itself when done;
 * on Ctrl-C, SIGTERM or a failure bench/main.ts runs whatever is still registered, newest first.
 */
type Undo = () => Promise<void> | void;

const pending = new Map<number, { label: string; undo: Undo }>();
let nextId = 0;

export interface Registered {
  /** runs the undo step now (once) and forgets it */
  run(): Promise<void>;
}

export function onCleanup(label: string, undo: Undo): Registered {
  const id = nextId++;
  pending.set(id, { label, undo });
  return {
    async run() {
      const entry = pending.get(id);
      if (!entry) return;
      pending.delete(id);
      await entry.undo();
    },
  };
}

/** Runs every registered undo step, newest first; a failing step is reported, the rest still run. */
export async function cleanUpEverything(log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Promise<void> {
  const entries = [...pending.entries()].reverse();
  pending.clear();
  for (const [, { label, undo }] of entries) {
    try {
      await undo();
    } catch (error) {
      log(`cleanup of ${label} failed: ${(error as Error).message}`);
    }
  }
}
