import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Unauthorized } from '../errors/domain-errors';
import { AuthGuard } from './auth.guard';
import { Public } from './public.decorator';

class Routes {
  @Public()
  open() {}

  closed() {}
}

const contextFor = (handler: () => void) =>
  ({ getHandler: () => handler, getClass: () => Routes }) as unknown as ExecutionContext;

describe('AuthGuard', () => {
  const guard = new AuthGuard(new Reflector());

  it('lets anonymous callers reach @Public() routes', () => {
    expect(guard.canActivate(contextFor(Routes.prototype.open))).toBe(true);
  });

  it('refuses every other route with a 401 problem', () => {
    expect(() => guard.canActivate(contextFor(Routes.prototype.closed))).toThrow(Unauthorized);
  });
});
