/**
 * `Consciousness` in its two spellings: GraphQL `CVPU`, proto `CONSCIOUSNESS_CVPU`, by the subgraph
 * kit's one enum policy. The proto documents UNSPECIFIED as "not assessed": null in the API, and
 * what an input without the field is sent as.
 */
import { optionalEnumFromProto, protoFilter } from '@hospital/subgraph-kit';
import type { Consciousness } from '../__generated__/resolvers-types.ts';

const PREFIX = 'CONSCIOUSNESS_';
const LEVELS: readonly Consciousness[] = ['ALERT', 'CVPU'];

/**
 * Proto → GraphQL: null when not assessed (UNSPECIFIED, or no measurements at all); a value outside
 * the enum is the service breaking its contract (INTERNAL_SERVER_ERROR).
 * @param value - the proto enum value, if any
 */
export function consciousnessFromProto(value: string | undefined): Consciousness | null {
  return optionalEnumFromProto(value ?? `${PREFIX}UNSPECIFIED`, PREFIX, LEVELS);
}

/**
 * GraphQL → proto: the level's proto spelling, UNSPECIFIED when not assessed.
 * @param value - the GraphQL value, if any
 */
export function consciousnessToProto(value: Consciousness | null | undefined) {
  return protoFilter(PREFIX, value);
}
