/** `Problem`: a proto message mapped to its GraphQL fields. */
import { orNull } from '@hospital/subgraph-kit';
import type { ProblemResolvers } from '../__generated__/resolvers-types.ts';
import type { ResolverDeps } from './deps.ts';

/**
 * Problem resolvers.
 * @param deps - the loader kinds
 */
export function createProblemResolvers({ loaders }: ResolverDeps): ProblemResolvers {
  return {
    patient: (problem) => ({ id: problem.patientId }),
    encounter: async (problem, _args, ctx) => {
      const encounter = await ctx.loaders.get(loaders.encounters).load(problem.encounterId);
      if (!encounter) throw new Error('clinical service returned no encounter for a stored problem');
      return encounter;
    },
    code: (problem) => ({ code: problem.icd10Code, description: problem.description }),
    onsetDate: (problem) => orNull(problem.onsetDate),
    resolvedDate: (problem) => orNull(problem.resolvedDate),
    active: (problem) => problem.resolvedDate === '',
    recordedBy: (problem) => ({ id: problem.recordedBy }),
  };
}
