/** `LabOrder`, `LabResult` and `LabTest`: proto messages mapped to their GraphQL fields. */
import { orNull } from '@hospital/subgraph-kit';
import type { LabFlag, LabOrderResolvers, LabResultResolvers, LabTestResolvers } from '../__generated__/resolvers-types.ts';
import type { ResolverDeps } from './deps.ts';

const FLAGS: readonly string[] = ['NORMAL', 'LOW', 'HIGH', 'CRITICAL_LOW', 'CRITICAL_HIGH'] satisfies LabFlag[];

/** The service's flag as the GraphQL enum (an unknown one is a service bug, not user input). */
function flagOf(flag: string): LabFlag {
  if (!FLAGS.includes(flag)) throw new Error(`clinical service sent an unknown lab flag ${flag}`);
  return flag as LabFlag;
}

/**
 * LabOrder resolvers.
 * @param deps - the loader kinds
 */
export function createLabOrderResolvers({ loaders }: ResolverDeps): LabOrderResolvers {
  return {
    // N references in one request (a lab notification's order) cost one GetLabOrders call; ids the
    // caller may not see resolve to null, like unknown ones.
    __resolveReference: (reference, ctx) => ctx.loaders.get(loaders.labOrders).load(reference.id),
    patient: (order) => ({ id: order.patientId }),
    test: (order) => {
      if (!order.test) throw new Error('clinical service sent a lab order without its test');
      return order.test;
    },
    orderedBy: (order) => ({ id: order.orderedBy }),
    result: (order) => order.results.at(-1) ?? null,
  };
}

/** LabResult resolvers. */
export function createLabResultResolvers(): LabResultResolvers {
  return {
    flag: (result) => flagOf(result.flag),
    abnormal: (result) => result.flag !== 'NORMAL',
    enteredBy: (result) => ({ id: result.enteredBy }),
    amendsResultId: (result) => orNull(result.amendsResultId),
  };
}

/** LabTest resolvers: proto3 optional criticals are absent when the test has none. */
export function createLabTestResolvers(): LabTestResolvers {
  return {
    criticalLow: (test) => test.criticalLow ?? null,
    criticalHigh: (test) => test.criticalHigh ?? null,
  };
}
