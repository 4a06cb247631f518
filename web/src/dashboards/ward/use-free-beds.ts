/** The beds of a ward that can take a patient now (free and in service), for bed selects. */
import { useQuery } from 'urql';
import type { CombinedError } from '@urql/core';
import { WardBedBoard } from './ward-documents.ts';

/** A bed a patient can be put in. */
export interface FreeBed {
  id: string;
  label: string;
}

/** The free beds of one ward, and whether they are still loading or failed. */
export interface FreeBeds {
  beds: FreeBed[];
  fetching: boolean;
  error: CombinedError | undefined;
}

/**
 * Reads the board of `wardId` (shared with the board itself through the cache). Only beds of
 * `wardId` are ever returned: while another ward's answer is still on hand (urql keeps the last
 * result while the next one loads, and a slow answer can arrive after the ward changed) the list
 * is empty and `fetching` is true, so a picker can never offer the previous ward's beds.
 * @param wardId - the ward whose free beds to list; null for none
 */
export function useFreeBeds(wardId: string | null): FreeBeds {
  const [result] = useQuery({ query: WardBedBoard, variables: { wardId: wardId ?? '' }, pause: !wardId });
  const forThisWard = Boolean(wardId) && result.operation?.variables.wardId === wardId;
  if (!forThisWard) return { beds: [], fetching: Boolean(wardId), error: undefined };
  const beds = (result.data?.bedBoard ?? [])
    // The board is keyed by ward; checking each bed's ward as well costs nothing and keeps the rule local.
    .filter((bed) => bed.ward.id === wardId && bed.status === 'FREE' && !bed.outOfService)
    .map((bed) => ({ id: bed.id, label: bed.label }));
  return { beds, fetching: result.fetching, error: result.error };
}
