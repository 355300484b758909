import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan, LessThanOrEqual, MoreThan } from 'typeorm';
import { Clock } from '../clock/clock';
import { supprimerParLots } from '../../database/par-lots';
import { isUniqueViolation } from '../../database/unique-violation';
import { ThrottleCounter } from './throttle-counter.entity';

export type Hit = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Fixed-window counters in the database, so every instance sees the same counts (no process memory). A hit is one
 * atomic conditional UPDATE (`hits < limit` in a live window), so concurrent requests never get more than `limit`
 * through; a missing or ended window is (re)started, a race settled by the primary key.
 */
@Injectable()
export class ThrottleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async hit(cle: string, windowMs: number, limit: number): Promise<Hit> {
    const repo = this.dataSource.getRepository(ThrottleCounter);
    const now = this.clock.now();
    for (let attempt = 0; attempt < 5; attempt++) {
      if ((await repo.increment({ cle, windowEndsAt: MoreThan(now), hits: LessThan(limit) }, 'hits', 1)).affected === 1) return { allowed: true };
      const counter = await repo.findOneBy({ cle });
      if (counter && counter.windowEndsAt > now) {
        if (counter.hits >= limit) {
          return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((counter.windowEndsAt.getTime() - now.getTime()) / 1000)) };
        }
        continue;
      }
      const windowEndsAt = new Date(now.getTime() + windowMs);
      if (counter) {
        if ((await repo.update({ cle, windowEndsAt: LessThanOrEqual(now) }, { hits: 1, windowEndsAt })).affected === 1) return { allowed: true };
        continue;
      }
      try {
        await repo.insert({ cle, hits: 1, windowEndsAt });
        return { allowed: true };
      } catch (error) {
        // Another request started this window first: count this hit in it.
        if (!isUniqueViolation(error)) throw error;
      }
    }
    throw new Error(`Compteur de limitation ${cle} : trop de conflits simultanés`);
  }

  /** Forgets the windows that have ended (hourly job). */
  purgeEnded(): Promise<{ supprimes: number; lots: number }> {
    return supprimerParLots(this.dataSource.getRepository(ThrottleCounter), { windowEndsAt: LessThanOrEqual(this.clock.now()) });
  }
}
