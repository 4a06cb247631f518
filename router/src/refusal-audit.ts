/**
 * Refusals at the edge reach the audit trail. The router's @auth check stops an operation before
 * any service sees it, so no service can record that access as denied; the router reports it to
 * the audit service (identity) as a service principal, and waits for the row before answering, so
 * a refusal is never lost to a crash between the answer and the write.
 */
import { randomUUID } from 'node:crypto';
import { Kind, valueFromASTUntyped, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionNode } from 'graphql';
import { createAuditClient } from '@hospital/grpc-contracts';
import { callMetadata, isUuid, signIdentity, type Caller, type Logger, type RequestOrigin, type RoleName } from '@hospital/service-kit';
import type { AccessDecision } from './operation-access.ts';

/** One operation the edge refused. */
export interface EdgeRefusal {
  userId: string;
  role: RoleName;
  operationType: OperationDefinitionNode['operation'];
  operationName?: string;
  /** The refused fields, as schema coordinates. */
  fields: readonly string[];
  /** Patients the operation named in its arguments. */
  patientIds: readonly string[];
  ip?: string;
  userAgent?: string;
  requestId: string;
}

/** Reports refusals; resolves once recorded (or once the failure is logged). */
export interface RefusalReporter {
  report(refusal: EdgeRefusal): Promise<void>;
  close(): void;
}

/** Client-chosen text as the audit service accepts it: printable, bounded. */
function printable(value: string | undefined, max: number): string {
  // eslint-disable-next-line no-control-regex
  return (value ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, max);
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
 * What to report for an access decision, HTTP and WebSocket alike: a signed-in user's FORBIDDEN
 * (anonymous callers are only asked to sign in, and allowed operations are audited by services).
 * @param input - the decision, who asked, the operation with its variables, from where
 */
export function refusalToReport(input: {
  decision: AccessDecision;
  caller: Caller;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown> | null | undefined;
  origin: RequestOrigin | undefined;
  requestId: string;
}): EdgeRefusal | undefined {
  const { decision, caller, operation, origin } = input;
  if (decision.allowed || decision.code !== 'FORBIDDEN' || caller.kind !== 'user') return undefined;
  return {
    userId: caller.userId,
    role: caller.role,
    operationType: operation.operation,
    ...(operation.name ? { operationName: operation.name.value } : {}),
    fields: decision.fields,
    patientIds: patientIdsNamed(input.document, operation, input.variables ?? undefined),
    ...(origin?.ip ? { ip: origin.ip } : {}),
    ...(origin?.userAgent ? { userAgent: origin.userAgent } : {}),
    requestId: input.requestId,
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
            userId: refusal.userId,
            userRole: refusal.role,
            operationType: refusal.operationType,
            operation: printable(refusal.operationName, 256),
            fields: refusal.fields.slice(0, MAX_FIELDS).map((field) => printable(field, 200)),
            patientIds: [...refusal.patientIds],
            reason: 'FORBIDDEN',
            ip: printable(refusal.ip, 256),
            userAgent: printable(refusal.userAgent, 256),
            requestId: refusal.requestId,
          },
          { metadata },
        );
      } catch (error) {
        // The refusal itself stands either way; an unrecorded one must at least be in the logs.
        options.logger.error({ err: error, userId: refusal.userId, fields: refusal.fields }, 'edge refusal not recorded in the audit trail');
      }
    },
    close: () => client.close(),
  };
}
