/** Mapping of stored records to proto messages: unknown text as '', times RFC 3339 UTC. */
import type { Drug, Prescription, PrescriptionStatus__Output, StockLot, StockMovement, StockMovementKind__Output } from '@hospital/grpc-contracts';
import { toProtoEnum } from '@hospital/service-kit';
import { isExpired } from '../domain/calendar.ts';
import { drugFormToProto } from '../domain/drug-form.ts';
import { PRESCRIPTION_STATUS_ENUM, type PrescriptionStatusName } from '../domain/prescription-status.ts';
import type { DrugWithLots, LotRecord } from '../repositories/drug-repository.ts';
import type { PrescriptionRecord } from '../repositories/prescription-repository.ts';
import type { MovementKind, MovementRecord } from '../repositories/stock-repository.ts';

/**
 * The proto form of a lot.
 * @param lot - a stored lot
 * @param today - the current day, to flag expired lots
 */
export function toProtoLot(lot: LotRecord, today: string): StockLot {
  return {
    id: lot.id,
    drugId: lot.drugId,
    lotNumber: lot.lotNumber,
    quantity: lot.quantity,
    expiresOn: lot.expiresOn,
    receivedAt: lot.receivedAt.toISOString(),
    expired: isExpired(lot.expiresOn, today),
  };
}

/**
 * Units on hand in lots that have not expired.
 * @param lots - a drug's lots
 * @param today - the current day
 */
export function stockOnHand(lots: readonly LotRecord[], today: string): number {
  return lots.reduce((sum, lot) => (isExpired(lot.expiresOn, today) ? sum : sum + lot.quantity), 0);
}

/**
 * The proto form of a drug, with its stock on hand.
 * @param drug - a stored drug with its lots
 * @param today - the current day
 */
export function toProtoDrug(drug: DrugWithLots, today: string): Drug {
  return {
    id: drug.id,
    code: drug.code,
    name: drug.name,
    form: drugFormToProto(drug.form),
    strength: drug.strength,
    stockOnHand: stockOnHand(drug.lots, today),
    lots: drug.lots.map((lot) => toProtoLot(lot, today)),
    createdAt: drug.createdAt.toISOString(),
  };
}

/**
 * Stored status → proto.
 * @param status - stored status
 */
export function statusToProto(status: PrescriptionStatusName): PrescriptionStatus__Output {
  return toProtoEnum(PRESCRIPTION_STATUS_ENUM, status);
}

/**
 * The proto form of a prescription.
 * @param p - a stored prescription
 */
export function toProtoPrescription(p: PrescriptionRecord): Prescription {
  return {
    id: p.id,
    status: statusToProto(p.status),
    patientId: p.patientId,
    drugId: p.drugId,
    prescriberId: p.prescriberId,
    dose: p.dose,
    frequency: p.frequency,
    durationDays: p.durationDays,
    quantity: p.quantity,
    allergyOverride: p.allergyOverride
      ? { reason: p.allergyOverride.reason, overriddenBy: p.allergyOverride.by, overriddenAt: p.allergyOverride.at.toISOString(), allergies: p.allergyOverride.allergies }
      : null,
    prescribedAt: p.prescribedAt.toISOString(),
    dispensedAt: p.dispensedAt?.toISOString() ?? '',
    dispensedBy: p.dispensedBy ?? '',
    dispensations: p.dispensations,
    cancelledAt: p.cancelledAt?.toISOString() ?? '',
    cancelledBy: p.cancelledBy ?? '',
    cancellationReason: p.cancellationReason ?? '',
    route: p.route ?? '',
    review: p.review ? { action: p.review.action, reason: p.review.reason, reviewedBy: p.review.by, reviewedAt: p.review.at.toISOString() } : null,
  };
}

/**
 * The proto form of a ledger row.
 * @param m - a stored movement
 */
export function toProtoMovement(m: MovementRecord): StockMovement {
  return {
    id: m.id,
    lotId: m.lotId,
    lotNumber: m.lotNumber,
    drugId: m.drugId,
    kind: `STOCK_MOVEMENT_KIND_${m.kind.toUpperCase()}` as StockMovementKind__Output & `STOCK_MOVEMENT_KIND_${Uppercase<MovementKind>}`,
    delta: m.delta,
    quantityAfter: m.quantityAfter,
    reason: m.reason ?? '',
    prescriptionId: m.prescriptionId ?? '',
    actorId: m.actorId,
    createdAt: m.createdAt.toISOString(),
  };
}
