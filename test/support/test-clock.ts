import { Clock } from '../../src/common/clock/clock';

/**
 * A clock the test moves: `clock.advance({ days: 5, minutes: 1 })`. Starts at the real time, and stands still
 * unless `flow()` makes it pass as real time does (for leases and claims that expire while work is under way).
 */
export class TestClock extends Clock {
  private current = new Date();
  /** Real time at which `current` was read, while the clock flows */
  private flowingSince: number | null = null;

  now(): Date {
    return new Date(this.current.getTime() + (this.flowingSince === null ? 0 : Date.now() - this.flowingSince));
  }

  /** From now on the clock moves with real time (advance and set still jump it). */
  flow(): void {
    this.current = this.now();
    this.flowingSince = Date.now();
  }

  set(instant: Date | string): void {
    this.current = new Date(instant);
    if (this.flowingSince !== null) this.flowingSince = Date.now();
  }

  advance({ days = 0, hours = 0, minutes = 0, seconds = 0 }: { days?: number; hours?: number; minutes?: number; seconds?: number }): void {
    this.current = new Date(this.current.getTime() + (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000);
  }
}
