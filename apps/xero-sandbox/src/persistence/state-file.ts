import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

// The sandbox's whole state as one JSON file, so a restart loses nothing. Writes are debounced
// (a burst of changes is one write) and atomic (write a temporary file, then rename over).

export async function readStateFile<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new Error(`Cannot read the Xero sandbox state file ${file}: ${(error as Error).message}`);
  }
}

async function writeStateFile(file: string, state: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(state), { mode: 0o600 });
  await rename(temporary, file);
}

export interface StateSaver {
  /** Schedules a save; saves requested while one is pending are merged into it. */
  schedule(): void;
  /** Saves now if anything changed since the last save (at shutdown). */
  flush(): Promise<void>;
}

export function createStateSaver(file: string, snapshot: () => unknown, delayMs = 200): StateSaver {
  let timer: NodeJS.Timeout | undefined;
  let dirty = false;
  let writing: Promise<void> = Promise.resolve();

  const save = () => {
    timer = undefined;
    if (!dirty) return writing;
    dirty = false;
    const state = snapshot();
    writing = writing
      .then(() => writeStateFile(file, state))
      .catch((error: Error) => console.error(`[xero-sandbox] could not save state to ${file}: ${error.message}`));
    return writing;
  };

  return {
    schedule() {
      dirty = true;
      timer ??= setTimeout(save, delayMs);
    },
    async flush() {
      if (timer) clearTimeout(timer);
      await save();
    },
  };
}
