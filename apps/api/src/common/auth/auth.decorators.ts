import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { UserRole } from './roles.js';
import { UnauthenticatedException } from '../errors/app.exception.js';
import type { ApiRequest } from '../graphql/graphql-context.js';
import type { Principal } from './principal.js';

export const IS_PUBLIC = 'amicus:isPublic';
export const ROLES = 'amicus:roles';

/** The handler needs no authentication (login, health checks). Everything else does. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the handler (checked after authentication). */
export const Roles = (...roles: UserRole[]) => SetMetadata(ROLES, roles);

export function requestOf(context: ExecutionContext): ApiRequest {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: ApiRequest }>().req;
  }
  return context.switchToHttp().getRequest<ApiRequest>();
}

/** The authenticated caller of a GraphQL resolver or HTTP handler. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = requestOf(context).principal;
  if (!principal) throw new UnauthenticatedException();
  return principal;
});
