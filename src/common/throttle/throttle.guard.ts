import { createHash } from 'node:crypto';
import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AppConfig, appConfig } from '../../config';
import { Principal } from '../auth/roles';
import { TooManyRequests } from '../errors/domain-errors';
import { THROTTLE_POLICY, ThrottlePolicy } from './throttled.decorator';
import { ThrottleService } from './throttle.service';

const MINUTE = 60_000;
const QUARTER = 15 * MINUTE;

/**
 * Counts the attempts of a @Throttled route per client address (a minute window) and, when the policy names a
 * body field, per identifier typed (login or e-mail, a 15-minute window); when it says so, per logged-in account
 * (same window and limit; the AuthGuard, global, has run before). Over any limit: 429 with Retry-After, before any
 * work is done. Behind a proxy, the address is X-Forwarded-For's (TRUST_PROXY=true).
 */
@Injectable()
export class ThrottleGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly throttle: ThrottleService,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.get<ThrottlePolicy | undefined>(THROTTLE_POLICY, context.getHandler());
    if (!policy) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const checks: [string, number, number][] = [[`${policy.name}:ip:${request.ip}`, MINUTE, this.app.throttle.ipPerMinute]];
    const typed = policy.field ? (request.body as Record<string, unknown> | undefined)?.[policy.field] : undefined;
    if (typeof typed === 'string' && typed.trim() !== '') {
      const id = createHash('sha256').update(typed.trim().toLowerCase()).digest('hex');
      checks.push([`${policy.name}:id:${id}`, QUARTER, this.app.throttle.accountPer15Min]);
    }
    const principal = policy.principal ? (request as FastifyRequest & { principal?: Principal }).principal : undefined;
    if (principal) checks.push([`principal:${principal.kind}:${principal.id}`, QUARTER, this.app.throttle.accountPer15Min]);
    for (const [cle, windowMs, limit] of checks) {
      const hit = await this.throttle.hit(cle, windowMs, limit);
      if (!hit.allowed) throw new TooManyRequests(hit.retryAfterSeconds);
    }
    return true;
  }
}
