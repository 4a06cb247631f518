/** The beds of a ward that can take a patient now (free and in service), for bed selects. */
import { useQuery } from 'urql';
import type { CombinedError } from '@urql/core';
import { WardBedBoard } from './ward-documents.ts';

/** A bed a patient can be put in. */
export interface FreeBed {
  id: string;
  label: string;
}

/** Reads the board of `wardId` (shared with the board itself through the cache). */
export function useFreeBeds(wardId: string | null): { beds: FreeBed[]; fetching: boolean; error: CombinedError | undefined } {
  const [result] = useQuery({ query: WardBedBoard, variables: { wardId: wardId ?? '' }, pause: !wardId });
  const beds = (result.data?.bedBoard ?? []).filter((bed) => bed.status === 'FREE' && !bed.outOfService).map((bed) => ({ id: bed.id, label: bed.label }));
  return { beds, fetching: result.fetching, error: result.error };
}
