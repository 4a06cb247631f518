/** Occupancy figures of a ward, derived from its bed counts. */

/** The counts a ward's occupancy is derived from. */
export interface BedCounts {
  /** Beds on the ward. */
  bedCount: number;
  /** Beds held by an active admission. */
  occupiedCount: number;
  /** Beds out of service (never occupied at the same time: an occupied bed cannot leave service). */
  outOfServiceCount: number;
}

/** What a bed manager wants to know at a glance. */
export interface Occupancy {
  /** Beds ready for a patient: in service and empty. */
  freeCount: number;
  /** Occupied share of the beds in service, 0 to 1; 0 when none is in service. */
  occupancyRate: number;
}

/**
 * Free beds and occupancy rate. Beds out of service cannot take a patient, so they count
 * neither as free nor towards the rate's denominator.
 * @param counts - the ward's bed counts
 */
export function occupancyOf(counts: BedCounts): Occupancy {
  const inService = Math.max(counts.bedCount - counts.outOfServiceCount, 0);
  const freeCount = Math.max(inService - counts.occupiedCount, 0);
  // Rounded to 4 places: a rate, not a measurement; keeps 2/3 readable on the wire.
  const occupancyRate = inService === 0 ? 0 : Math.round((counts.occupiedCount / inService) * 10_000) / 10_000;
  return { freeCount, occupancyRate };
}
