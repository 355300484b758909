import { Clock } from '../../src/common/clock/clock';

/** A clock the test moves: `clock.advance({ days: 5, minutes: 1 })`. Starts at the real time. */
export class TestClock extends Clock {
  private current = new Date();

  now(): Date {
    return new Date(this.current);
  }

  set(instant: Date | string): void {
    this.current = new Date(instant);
  }

  advance({ days = 0, hours = 0, minutes = 0, seconds = 0 }: { days?: number; hours?: number; minutes?: number; seconds?: number }): void {
    this.current = new Date(this.current.getTime() + (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000);
  }
}
