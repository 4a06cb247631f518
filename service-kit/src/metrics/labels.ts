/**
 * Bounded label values shared by the router and the subgraphs: an error code is a label only
 * when the error registry knows it, so a label can never carry text a client or a bug made up.
 */
import { isErrorCode } from '@hospital/grpc-contracts/errors';

/** The label of a value outside a label's fixed set. */
export const OTHER_LABEL = 'other';

/**
 * The `code` label of a GraphQL error: its `extensions.code` when the registry has it, else "other".
 * @param code - `extensions.code` as found (anything)
 */
export function errorCodeLabel(code: unknown): string {
  return isErrorCode(code) ? code : OTHER_LABEL;
}
