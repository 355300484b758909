import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ESPACE_CANDIDAT, IS_PUBLIC, ROLES } from '../common/auth/auth.decorators';
import { Forbidden, Unauthorized } from '../common/errors/domain-errors';
import { MaintenanceService } from '../maintenance/maintenance.service';
import { AuthService } from './auth.service';
import { Principal, Role } from '../common/auth/roles';

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

/**
 * Secure by default: every route needs a live session unless marked @Public(); @Roles(...) narrows it to those
 * roles. Ownership and scopes (a candidate's own file, a gestionnaire's centres) are checked in the services.
 * The maintenance mode is enforced here too, in this one place: every request of a candidate's session, and the
 * public routes of the candidates' space (@EspaceCandidat), answer 503 while it is on; staff and other public
 * routes (the offer, health) do not even read it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly maintenance: MaintenanceService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      if (this.reflector.getAllAndOverride<boolean>(ESPACE_CANDIDAT, targets)) await this.maintenance.refuserCandidats();
      return true;
    }
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(request.headers.authorization ?? '')?.[1];
    const principal = token ? await this.auth.authenticate(token) : null;
    if (!principal) {
      throw new Unauthorized('AUTHENTIFICATION_REQUISE', 'Vous devez être connecté : session absente, expirée ou fermée.');
    }
    request.principal = principal;
    if (principal.kind === 'candidat') await this.maintenance.refuserCandidats();
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (allowed && !allowed.some((role) => principal.roles.includes(role))) throw new Forbidden();
    return true;
  }
}
