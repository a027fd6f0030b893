/** One step of a run and how long it took: what the run log shows ("where did the time go"). */
export interface Phase {
  name: string;
  startedAt: string;
  ms: number;
}

/** Records consecutive phases; `now` is injectable for tests. */
export const createPhaseClock = (now: () => number = Date.now) => {
  const phases: Phase[] = [];
  let current: { name: string; at: number } | undefined;
  const close = () => {
    if (!current) return;
    const end = now();
    phases.push({ name: current.name, startedAt: new Date(current.at).toISOString(), ms: end - current.at });
    current = undefined;
  };
  return {
    start(name: string) {
      close();
      current = { name, at: now() };
    },
    stop() {
      close();
      return phases;
    },
    get phases() {
      return phases;
    },
  };
};
