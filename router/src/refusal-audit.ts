/**
 * Refusals at the edge reach the audit trail. The router's admission pipeline stops a request
 * before any service sees it, so no service can record that access as denied; the router reports
 * every refusal (anonymous and bad-token ones too) to the audit service (identity) as a service
 * principal. See admission/refusal-hook.ts for which reports are awaited before the answer.
 */
import { randomUUID } from 'node:crypto';
import { Kind, valueFromASTUntyped, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionNode } from 'graphql';
import { createAuditClient } from '@hospital/grpc-contracts';
import { auditAppOf, isUuid, printableText, signIdentity, type AuditApp, type Caller, type Logger, type RequestOrigin, type RoleName } from '@hospital/service-kit';
import { callMetadata } from '@hospital/service-kit/grpc';

/** One request the edge refused: by a signed-in user, or anonymous (no user id nor role). */
export interface EdgeRefusal {
  userId?: string;
  role?: RoleName;
  /** Unknown ('') when the request was refused before its document was read. */
  operationType: OperationDefinitionNode['operation'] | '';
  operationName?: string;
  /** The refused fields, as schema coordinates (none for refusals of the whole request). */
  fields: readonly string[];
  /** Patients the operation named in its arguments. */
  patientIds: readonly string[];
  /** The refusal's code: FORBIDDEN, UNAUTHENTICATED, RATE_LIMITED, OPERATION_TOO_COSTLY, … */
  reason: string;
  ip?: string;
  userAgent?: string;
  requestId: string;
  /** The registered app: the caller itself (no user), or the app the user acted through. */
  app?: AuditApp | undefined;
}

/** Reports refusals; resolves once recorded (or once the failure is logged). */
export interface RefusalReporter {
  report(refusal: EdgeRefusal): Promise<void>;
  close(): void;
}

/** The audit service takes at most this many refused fields; the first ones tell the story. */
const MAX_FIELDS = 100;

/** A flood of ids in one operation is cut: the row count stays bounded by the request count. */
const MAX_PATIENT_IDS = 100;

/**
 * Patient ids an operation names in the arguments of its root fields (through fragments too):
 * `patientId` and `patientIds` arguments or input fields, and `id` of the root field `patient`.
 * @param document - the whole document (its fragments)
 * @param operation - the resolved operation
 * @param variables - the request's variables
 */
export function patientIdsNamed(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): string[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const found = new Set<string>();
  const add = (value: unknown) => {
    if (isUuid(value) && found.size < MAX_PATIENT_IDS) found.add(value.toLowerCase());
  };
  const visitValue = (name: string, value: unknown) => {
    if (name === 'patientId') add(value);
    else if (name === 'patientIds' && Array.isArray(value)) value.forEach(add);
    else if (value && typeof value === 'object' && !Array.isArray(value)) for (const [key, inner] of Object.entries(value)) visitValue(key, inner);
  };
  const seenFragments = new Set<string>();
  const visitSelections = (selections: readonly SelectionNode[]) => {
    for (const selection of selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) visitSelections(selection.selectionSet.selections);
      if (selection.kind === Kind.FRAGMENT_SPREAD && !seenFragments.has(selection.name.value)) {
        seenFragments.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) visitSelections(fragment.selectionSet.selections);
      }
      if (selection.kind !== Kind.FIELD) continue;
      for (const argument of selection.arguments ?? []) {
        const value = valueFromASTUntyped(argument.value, variables ?? {});
        if (selection.name.value === 'patient' && argument.name.value === 'id') add(value);
        else visitValue(argument.name.value, value);
      }
    }
  };
  visitSelections(operation.selectionSet.selections);
  return [...found];
}

/**
 * What to report for a refusal, HTTP and WebSocket alike: who (a user, perhaps through an app; an
 * app; or anonymous), what was
 * refused and why, which patients the operation named, from where.
 * @param input - the caller, the operation when it was read, the refused fields, the code, origin
 */
export function edgeRefusalOf(input: {
  caller: Caller;
  document?: DocumentNode;
  operation?: OperationDefinitionNode;
  variables: Record<string, unknown> | null | undefined;
  fields?: readonly string[];
  reason: string;
  origin: RequestOrigin | undefined;
  requestId: string;
}): EdgeRefusal {
  const { caller, document, operation, origin } = input;
  const operationName = operation?.name?.value;
  return {
    userId: caller.kind === 'user' ? caller.userId : undefined,
    role: caller.kind === 'user' ? caller.role : undefined,
    operationType: operation?.operation ?? '',
    operationName,
    fields: input.fields ?? [],
    patientIds: document && operation ? patientIdsNamed(document, operation, input.variables ?? undefined) : [],
    reason: input.reason,
    ip: origin?.ip,
    userAgent: origin?.userAgent,
    requestId: input.requestId,
    app: auditAppOf(caller),
  };
}

/**
 * A reporter over a gRPC client of the audit service.
 * @param options - where the identity service is, the internal secret, the logger
 */
export function createRefusalReporter(options: { identityTarget: string; internalSecret: string; logger: Logger }): RefusalReporter {
  const client = createAuditClient({ target: options.identityTarget, deadlineMs: 2_000 });
  return {
    async report(refusal) {
      const metadata = callMetadata(signIdentity({ kind: 'service', service: 'router' }, options.internalSecret), refusal.requestId || randomUUID());
      try {
        await client.recordRefusedOperation(
          {
            userId: refusal.userId ?? '',
            userRole: refusal.role ?? '',
            operationType: refusal.operationType,
            operation: printableText(refusal.operationName, 256),
            fields: refusal.fields.slice(0, MAX_FIELDS).map((field) => printableText(field, 200)),
            patientIds: [...refusal.patientIds],
            reason: refusal.reason,
            ip: printableText(refusal.ip, 256),
            userAgent: printableText(refusal.userAgent, 256),
            requestId: refusal.requestId,
            appClientId: refusal.app?.clientId ?? '',
            appName: printableText(refusal.app?.name, 256),
          },
          { metadata },
        );
      } catch (error) {
        // The refusal itself stands either way; an unrecorded one must at least be in the logs.
        options.logger.error({ err: error, userId: refusal.userId, reason: refusal.reason, fields: refusal.fields }, 'edge refusal not recorded in the audit trail');
      }
    },
    close: () => client.close(),
  };
}
