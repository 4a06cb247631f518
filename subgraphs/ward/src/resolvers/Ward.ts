/** `Ward` and `WardOccupancy`, both resolved from the proto `Ward` (it carries the counts). */
import { orNull } from '@hospital/subgraph-kit';
import type { WardOccupancyResolvers, WardResolvers } from '../__generated__/resolvers-types.ts';
import type { ResolverDeps } from './deps.ts';

/**
 * Ward resolvers; fields not listed read the proto message as is.
 * @param deps - the loader kinds
 */
export function createWardResolvers({ loaders }: ResolverDeps): WardResolvers {
  return {
    specialty: (ward) => orNull(ward.specialty),
    // N wards' beds in one ListBeds call.
    beds: async (ward, _args, ctx) => (await ctx.loaders.get(loaders.bedsOfWard).load(ward.id)) ?? [],
    occupancy: (ward) => ward,
    // N wards' staff in one ListWardStaff call; the identity subgraph resolves the users.
    staff: async (ward, _args, ctx) => ((await ctx.loaders.get(loaders.staffOfWard).load(ward.id)) ?? []).map((assignment) => ({ id: assignment.userId })),
  };
}

/** WardOccupancy resolvers: the proto ward's counts under their GraphQL names. */
export function createWardOccupancyResolvers(): WardOccupancyResolvers {
  return {
    ward: (ward) => ward,
    beds: (ward) => ward.bedCount,
    occupied: (ward) => ward.occupiedCount,
    free: (ward) => ward.freeCount,
    outOfService: (ward) => ward.outOfServiceCount,
    rate: (ward) => ward.occupancyRate,
  };
}
