import { createHash } from 'node:crypto';
import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AppConfig, appConfig } from '../../config';
import { Principal } from '../auth/roles';
import { TooManyRequests } from '../errors/domain-errors';
import { cleIdentifiant } from '../text/cle-identifiant';
import { CompteVise } from './compte-vise';
import { THROTTLE_POLICY, ThrottlePolicy } from './throttled.decorator';
import { ThrottleService } from './throttle.service';

const MINUTE = 60_000;
const QUARTER = 15 * MINUTE;

/**
 * Counts the attempts of a @Throttled route per client address (a minute window) and, when the policy names a
 * body field, per account the identifier typed reaches (login, numéro or e-mail, a 15-minute window), or per key of
 * the identifier (cleIdentifiant) when it reaches none; when it says so, per logged-in account
 * (same window and limit; the AuthGuard, global, has run before). Over any limit: 429 with Retry-After, before any
 * work is done. Behind a proxy, the address is X-Forwarded-For's (TRUST_PROXY=true).
 */
@Injectable()
export class ThrottleGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly throttle: ThrottleService,
    private readonly moduleRef: ModuleRef,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.get<ThrottlePolicy | undefined>(THROTTLE_POLICY, context.getHandler());
    if (!policy) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    await this.hit(`${policy.name}:ip:${request.ip}`, MINUTE, this.app.throttle.ipPerMinute);
    // After the address's limit, so that a flood from one address costs no account look-up.
    const typed = policy.field ? (request.body as Record<string, unknown> | undefined)?.[policy.field] : undefined;
    const cle = typeof typed === 'string' ? cleIdentifiant(typed) : '';
    if (cle !== '') {
      const compte = await this.moduleRef.get(CompteVise, { strict: false }).compteVise(cle);
      const id = compte ? `compte:${compte}` : `id:${createHash('sha256').update(cle).digest('hex')}`;
      await this.hit(`${policy.name}:${id}`, QUARTER, this.app.throttle.accountPer15Min);
    }
    const principal = policy.principal ? (request as FastifyRequest & { principal?: Principal }).principal : undefined;
    if (principal) await this.hit(`principal:${principal.kind}:${principal.id}`, QUARTER, this.app.throttle.accountPer15Min);
    return true;
  }

  private async hit(cle: string, windowMs: number, limit: number): Promise<void> {
    const hit = await this.throttle.hit(cle, windowMs, limit);
    if (!hit.allowed) throw new TooManyRequests(hit.retryAfterSeconds);
  }
}
