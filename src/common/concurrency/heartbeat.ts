import { inUnitOfWork } from '../../database/sqlite-gate';

/**
 * How often a hold of `seconds` (a lease, a claim) is renewed: six times over its length. MariaDB keeps these
 * datetimes in whole seconds, so a renewed hold may end up to a second early; a beat a little late still finds it.
 */
export function renewalIntervalMs(seconds: number): number {
  return (seconds * 1000) / 6;
}

export interface Heartbeat {
  /** Stops beating; resolves once a beat under way has finished (none starts after). */
  stop(): Promise<void>;
}

/**
 * Calls `beat` every `intervalMs` until stopped, never two at once: what renews a lease or a claim while the work
 * it covers outlasts it. Each beat is its own unit of work, so on SQLite it waits for the connection like anybody
 * else instead of slipping into a transaction of the work it renews. What a beat throws goes to `onError`.
 */
export function startHeartbeat(intervalMs: number, beat: () => Promise<void>, onError: (error: unknown) => void): Heartbeat {
  let stopped = false;
  let current: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout;
  const schedule = () => {
    timer = setTimeout(() => {
      current = inUnitOfWork(() => beat())
        .catch(onError)
        .finally(() => {
          if (!stopped) schedule();
        });
    }, intervalMs);
    timer.unref();
  };
  schedule();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
