/**
 * The OAuth endpoints' link to the identity service: IssueClientToken and CheckAuthorization as
 * the router itself, CreateAuthorizationCode as the approving user.
 */
import { createIdentityClient } from '@hospital/grpc-contracts';
import { signIdentity } from '@hospital/service-kit';
import { callMetadata } from '@hospital/service-kit/grpc';
import type { AuthorizeEndpointOptions } from './authorize-endpoint.ts';
import type { TokenEndpointOptions } from './token-endpoint.ts';

/**
 * Opens a client to the identity service.
 * @param options - identity target and the internal secret the router signs with
 * @returns the issue function and the channel's close
 */
export function createTokenIssuer(options: { identityTarget: string; internalSecret: string }): {
  issue: TokenEndpointOptions['issue'];
  check: AuthorizeEndpointOptions['check'];
  createCode: AuthorizeEndpointOptions['createCode'];
  close(): void;
} {
  const client = createIdentityClient({ target: options.identityTarget, deadlineMs: 5_000 });
  const asRouter = (requestId: string) => ({ metadata: callMetadata(signIdentity({ kind: 'service', service: 'router' }, options.internalSecret), requestId) });
  return {
    issue: (request, requestId) => client.issueClientToken(request, asRouter(requestId)),
    check: (params, requestId) => client.checkAuthorization(params, asRouter(requestId)),
    // The code is bound to whoever the router verified and signs here: the identity service reads the user from it.
    createCode: (params, user, requestId) => client.createAuthorizationCode(params, { metadata: callMetadata(signIdentity(user, options.internalSecret), requestId) }),
    close: () => client.close(),
  };
}
