import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Unauthorized } from '../errors/domain-errors';
import { IS_PUBLIC } from './public.decorator';

/**
 * Secure by default: a route not marked @Public() needs an authenticated caller. Sessions come with the accounts
 * feature; until then no caller is ever authenticated, so only public routes answer.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    throw new Unauthorized();
  }
}
