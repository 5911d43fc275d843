/** A controllable clock for tests: time moves only when the test says so. */

/** The clock and the means to move it. */
export interface TestClock {
  now: () => Date;
  set(iso: string): void;
  advance(ms: number): void;
}

/** A clock fixed at `iso` until set or advanced. */
export function testClock(iso = "2026-11-28T10:00:00Z"): TestClock {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    set: (next) => {
      t = new Date(next).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}
