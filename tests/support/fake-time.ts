import type { Clock } from '../../shared/ports/clock.ts';

/**
 * A clock that only moves when something sleeps on it: waits cost no wall time and what was waited
 * is recorded, so spacing and back-off are asserted exactly.
 */
export function fakeTime(startIso = '2026-03-15T09:00:00Z') {
  let now = Date.parse(startIso);
  const slept: number[] = [];
  const clock: Clock = { now: () => new Date(now) };
  const sleep = async (ms: number) => {
    slept.push(ms);
    now += ms;
  };
  return { clock, sleep, slept, elapsedMs: () => now - Date.parse(startIso) };
}
