// What a step may ask of its run besides giving an output (docs/ARCHITECTURE.md §6): stop here on
// purpose (a Filter whose conditions did not hold — not a failure), or wait until a moment and then
// go on (a Delay). Actions ask through `ctx.flow`, as Activepieces' pieces ask through `ctx.run`; the
// engine decides what the request means for the run, so no connector knows how runs are stored.

export type FlowControl =
  /** The run ends here, FILTERED: `reason` is what the bookkeeper reads ("Stopped by filter: …"). */
  | { type: "stop"; reason: string }
  /** The run goes on from the next step at `until` (an ISO instant), without holding a worker. */
  | { type: "wait"; until: string };

/** The requests an action can make of its run; the last one made counts. */
export interface FlowControls {
  stop(reason: string): void;
  waitUntil(until: Date): void;
}

/** The controls handed to one action call, and what it asked for. */
export function recordFlowControl(): { controls: FlowControls; requested: () => FlowControl | undefined } {
  let requested: FlowControl | undefined;
  return {
    controls: {
      stop: (reason) => {
        requested = { type: "stop", reason };
      },
      waitUntil: (until) => {
        requested = { type: "wait", until: until.toISOString() };
      },
    },
    requested: () => requested,
  };
}
