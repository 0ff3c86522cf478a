/**
 * A demo story: what a person would type, in order, with what each command should answer.
 * Stories are data, so the same story runs interactively, in CI, and in the end-to-end test.
 */
export type StoryStep =
  /** Narration printed as is. */
  | { readonly say: string }
  /** A `stepwise …` command run against the demo's control plane; `expect` is its exit code. */
  | { readonly run: readonly string[]; readonly expect: number; readonly why?: string }
  /** A request to a running service through its gateway, as a user of the system would make it. */
  | { readonly request: { readonly service: string; readonly method: 'GET' | 'POST'; readonly path: string; readonly body?: unknown }; readonly expectStatus: number; readonly why?: string }
  /** Waits for the person to press Enter (skipped with --yes). */
  | { readonly pause: string };

export interface Story {
  readonly name: string;
  readonly title: string;
  /** The environment the story plays in; the demo runs it on the local runtime. */
  readonly environment: string;
  readonly steps: readonly StoryStep[];
  /** Directories (relative to the project root) the story's services write to, emptied at the start. */
  readonly scratch?: readonly string[];
  /** What to try afterwards, printed at the end. */
  readonly next: readonly string[];
}
