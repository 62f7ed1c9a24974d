import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC, requestOf, ROLES } from '../../common/auth/auth.decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { ForbiddenException, UnauthenticatedException } from '../../common/errors/app.exception.js';
import type { ApiRequest } from '../../common/graphql/graphql-context.js';
import type { UserRole } from '../users/user.entity.js';
import { AuthService } from './auth.service.js';

/**
 * Global guard: deny by default. Every resolver and controller needs a valid bearer token unless
 * marked @Public(); @Roles() narrows it further. The principal is resolved once per request.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const req = requestOf(context);
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets);
    if (isPublic) {
      // Public handlers may still use a valid token, but never fail because of one.
      return true;
    }
    const principal = await this.resolve(req);
    if (!principal) throw new UnauthenticatedException();
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(principal.role)) throw new ForbiddenException();
    return true;
  }

  private resolve(req: ApiRequest): Promise<Principal | null> {
    req.principalPromise ??= (async () => {
      const header = req.headers.authorization;
      if (!header) return null;
      const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (!m) throw new UnauthenticatedException('Authorization header must be "Bearer <token>"');
      return this.auth.authenticate(m[1]);
    })();
    return req.principalPromise.then((p) => {
      req.principal = p;
      return p;
    });
  }
}
