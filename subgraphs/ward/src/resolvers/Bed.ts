/** The `Bed` type, resolved from the proto `Bed` (with its occupant, unset when free). */
import type { BedResolvers } from '../__generated__/resolvers-types.ts';
import { required } from './required.ts';
import type { ResolverDeps } from './deps.ts';

/**
 * Bed resolvers; fields not listed read the proto message as is.
 * @param deps - the loader kinds
 */
export function createBedResolvers({ loaders }: ResolverDeps): BedResolvers {
  return {
    ward: async (bed, _args, ctx) => required(await ctx.loaders.get(loaders.wards).load(bed.wardId), 'ward'),
    status: (bed) => (bed.occupant ? 'OCCUPIED' : 'FREE'),
    occupant: (bed) => bed.occupant ?? null,
  };
}
