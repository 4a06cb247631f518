/** The finance department's contract: service package and promise client. */
import { createPromiseClient, loadProto, type ClientOptions, type PromiseClient } from './client.ts';
import type { ProtoGrpcType } from './generated/finance.ts';
import type { FinanceServiceDefinition } from './generated/hospital/finance/v1/FinanceService.ts';

/** The finance department's package (service constructor and definition). */
export const financeProto = loadProto<ProtoGrpcType>('hospital/finance/v1/finance.proto').hospital.finance.v1;

/** Promise client of the finance service. */
export type FinanceClient = PromiseClient<FinanceServiceDefinition>;

/**
 * Opens a client to the finance service.
 * @param options - target and default deadline
 */
export function createFinanceClient(options: ClientOptions): FinanceClient {
  return createPromiseClient<FinanceServiceDefinition>(financeProto.FinanceService, options);
}
