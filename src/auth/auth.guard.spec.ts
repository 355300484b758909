import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { EspaceCandidat, Public, Roles } from '../common/auth/auth.decorators';
import { NO_SCOPES, Principal, Role } from '../common/auth/roles';
import { Forbidden, ServiceUnavailable, Unauthorized } from '../common/errors/domain-errors';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { MaintenanceService } from '../maintenance/maintenance.service';

class Routes {
  @Public()
  open() {}

  closed() {}

  @Roles(Role.ADMIN)
  adminOnly() {}

  @Public()
  @EspaceCandidat()
  createAccount() {}
}

const gestionnaire: Principal = { kind: 'staff', id: 7, login: 'g', roles: [Role.GESTIONNAIRE], scopes: { centres: ['SCI'], commissionsGerees: [], commissions: [] }, sessionId: 1 };

function contextFor(handler: () => void, authorization?: string) {
  const request: { headers: Record<string, string>; principal?: Principal } = { headers: authorization ? { authorization } : {} };
  const context = {
    getHandler: () => handler,
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { context, request };
}

describe('AuthGuard', () => {
  const auth = { authenticate: jest.fn(async (token: string) => (token === 'a'.repeat(43) ? gestionnaire : null)) };
  const guard = new AuthGuard(new Reflector(), auth as unknown as AuthService, { refuserCandidats: async () => undefined } as unknown as MaintenanceService);

  it('lets anonymous callers reach @Public() routes', async () => {
    await expect(guard.canActivate(contextFor(Routes.prototype.open).context)).resolves.toBe(true);
  });

  it('refuses other routes without a live session (401)', async () => {
    await expect(guard.canActivate(contextFor(Routes.prototype.closed).context)).rejects.toThrow(Unauthorized);
    await expect(guard.canActivate(contextFor(Routes.prototype.closed, `Bearer ${'b'.repeat(43)}`).context)).rejects.toThrow(Unauthorized);
    await expect(guard.canActivate(contextFor(Routes.prototype.closed, 'Basic Zm9vOmJhcg==').context)).rejects.toThrow(Unauthorized);
  });

  it('attaches the principal of a live session', async () => {
    const { context, request } = contextFor(Routes.prototype.closed, `Bearer ${'a'.repeat(43)}`);
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(request.principal).toBe(gestionnaire);
  });

  it('refuses a role-restricted route to other roles (403)', async () => {
    await expect(guard.canActivate(contextFor(Routes.prototype.adminOnly, `Bearer ${'a'.repeat(43)}`).context)).rejects.toThrow(Forbidden);
  });

  describe('in maintenance', () => {
    const candidat: Principal = { kind: 'candidat', id: 9, login: 'T0000001', roles: [Role.CANDIDAT], scopes: NO_SCOPES, sessionId: 2 };
    const sessions = { authenticate: jest.fn(async (token: string) => (token === 'c'.repeat(43) ? candidat : token === 'a'.repeat(43) ? gestionnaire : null)) };
    const refuser = jest.fn(async () => {
      throw new ServiceUnavailable('MAINTENANCE_EN_COURS', 'En maintenance.', 300);
    });
    const enMaintenance = new AuthGuard(new Reflector(), sessions as unknown as AuthService, { refuserCandidats: refuser } as unknown as MaintenanceService);
    beforeEach(() => refuser.mockClear());

    it('turns away a candidate’s session (503) and the candidates’ public routes', async () => {
      await expect(enMaintenance.canActivate(contextFor(Routes.prototype.closed, `Bearer ${'c'.repeat(43)}`).context)).rejects.toThrow(ServiceUnavailable);
      await expect(enMaintenance.canActivate(contextFor(Routes.prototype.createAccount).context)).rejects.toThrow(ServiceUnavailable);
      expect(refuser).toHaveBeenCalledTimes(2);
    });

    it('lets staff and the other public routes through without even reading it', async () => {
      await expect(enMaintenance.canActivate(contextFor(Routes.prototype.closed, `Bearer ${'a'.repeat(43)}`).context)).resolves.toBe(true);
      await expect(enMaintenance.canActivate(contextFor(Routes.prototype.open).context)).resolves.toBe(true);
      expect(refuser).not.toHaveBeenCalled();
    });
  });
});
