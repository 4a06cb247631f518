/**
 * Appointments as the handlers see them, and the storage contract. Every change goes through
 * `book` or `change`, which write the appointment, its history and its outbox event in ONE
 * transaction: a change without its event, or an event without its change, cannot happen.
 */
import type { AppointmentStatus } from '../domain/appointment-status.ts';
import type { Slot } from '../domain/slot-rules.ts';

/** One step of an appointment's status history. */
export interface StatusChangeRecord {
  /** Previous status; null for the booking itself. */
  fromStatus: AppointmentStatus | null;
  /** New status. */
  toStatus: AppointmentStatus;
  /** The user who made the change; null for a system service. */
  changedBy: string | null;
  /** When. */
  changedAt: Date;
  /** Why, when given (cancellations). */
  reason: string | null;
}

/** A stored appointment with its history (oldest first). */
export interface AppointmentRecord extends Slot {
  id: string;
  patientId: string;
  doctorId: string;
  reason: string | null;
  status: AppointmentStatus;
  history: StatusChangeRecord[];
  createdAt: Date;
  updatedAt: Date;
}

/** A booking to store. */
export interface NewAppointment extends Slot {
  patientId: string;
  doctorId: string;
  reason: string | null;
}

/** Who changes something, and when (recorded in the history and the event). */
export interface ChangeContext {
  /** The acting user; null for a system service. */
  actorId: string | null;
  /** The time of the change. */
  at: Date;
}

/** A change to an appointment, decided from its current (locked) state. */
export type AppointmentChange = { kind: 'status'; to: Exclude<AppointmentStatus, 'SCHEDULED'>; reason: string | null } | { kind: 'reschedule'; slot: Slot };

/** Which side of an appointment a clash is on. */
export type ClashSide = 'doctor' | 'patient';

/** Thrown by `book` and `change` when the slot overlaps another active appointment (SQLSTATE 23P01). */
export class SlotTakenError extends Error {
  /** @param side - whose other appointment is in the way */
  constructor(readonly side: ClashSide) {
    super(`The ${side} already has an appointment in this slot.`);
    this.name = 'SlotTakenError';
  }
}

/** A listing filter. `from`/`to` select appointments overlapping the window. */
export interface AppointmentFilter {
  doctorId?: string;
  patientId?: string;
  /** Only appointments ending after this instant. */
  from?: Date;
  /** Only appointments starting before this instant. */
  to?: Date;
  /** Only these statuses; empty for all. */
  statuses: AppointmentStatus[];
}

/** Where a page starts (exclusive), in (startsAt, id) order. */
export interface AppointmentPosition {
  startsAt: Date;
  id: string;
}

/** A page request over a filter; `withHistory: false` leaves each record's history empty (not read). */
export type AppointmentPageQuery = AppointmentFilter & { after?: AppointmentPosition; limit: number; withHistory?: boolean };

/** Storage of appointments. */
export interface AppointmentRepository {
  /**
   * Appointments by id, in no particular order; unknown ids are left out.
   * @param ids - UUIDs
   */
  findByIds(ids: readonly string[]): Promise<AppointmentRecord[]>;
  /**
   * A page ordered by (startsAt, id).
   * @param query - filter, start position and how many rows to read
   */
  list(query: AppointmentPageQuery): Promise<AppointmentRecord[]>;
  /**
   * How many appointments match a filter.
   * @param filter - the filter
   */
  count(filter: AppointmentFilter): Promise<number>;
  /**
   * The same page for each of many patients, in one query; patients without rows are absent.
   * @param patientIds - UUIDs
   * @param query - window, statuses, (for a doctor's view) the doctor, start position and rows per patient
   */
  listForPatients(patientIds: readonly string[], query: Omit<AppointmentPageQuery, 'patientId'>): Promise<Map<string, AppointmentRecord[]>>;
  /**
   * Matching appointments per patient, in one query.
   * @param patientIds - UUIDs
   * @param filter - window, statuses and (for a doctor's view) the doctor
   */
  countForPatients(patientIds: readonly string[], filter: Omit<AppointmentFilter, 'patientId'>): Promise<Map<string, number>>;
  /**
   * The patients a doctor has appointments with (any status), most recent appointment first.
   * @param doctorId - the doctor's UUID
   * @param limit - most patients to return
   */
  patientsOfDoctor(doctorId: string, limit: number): Promise<string[]>;
  /**
   * Stores a booking with its history entry and BOOKED event; throws SlotTakenError on a clash.
   * @param appointment - the booking
   * @param context - actor and time
   */
  book(appointment: NewAppointment, context: ChangeContext): Promise<AppointmentRecord>;
  /**
   * Locks an appointment, lets `decide` choose the change from its current state (throwing to
   * refuse), then applies it with its history entry and event. Undefined for an unknown id.
   * @param id - appointment UUID
   * @param decide - the rule: current state → change (or a thrown DomainError)
   * @param context - actor and time
   */
  change(id: string, decide: (current: AppointmentRecord) => AppointmentChange, context: ChangeContext): Promise<AppointmentRecord | undefined>;
  /**
   * The earliest active appointment of a doctor or patient overlapping a slot, to name it in a
   * CONFLICT; undefined when it has gone in the meantime.
   * @param side - doctor or patient
   * @param ownerId - the doctor's or patient's UUID
   * @param slot - the slot asked for
   * @param excludeId - an appointment to ignore (the one being rescheduled)
   */
  findClash(side: ClashSide, ownerId: string, slot: Slot, excludeId?: string): Promise<Slot | undefined>;
}
