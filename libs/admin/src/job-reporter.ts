/** Where a maintenance job tells what it does: a progress bar and stderr for the CLI, a job row for the api. */
export interface JobReporter {
  say(message: string): void;
  progress(done: number, total: number): void;
}
