/**
 * How long-running library calls tell people what they are doing. The library only knows this
 * interface; the CLI supplies a spinner (TTY) or timestamped lines (CI), the Action its log groups.
 */
export interface Progress {
  /** Runs one named step and reports its start and end (with elapsed time). */
  step<T>(label: string, work: () => T | Promise<T>): Promise<T>;
  /** A note inside the current step (a stage's log line). */
  note(message: string): void;
}

/** The library default: says nothing. */
export const silentProgress: Progress = {
  step: async (_label, work) => work(),
  note: () => {},
};
