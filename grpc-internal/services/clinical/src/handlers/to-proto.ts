/** Stored records → proto messages. */
import type { Encounter, Note, VitalSigns } from '@hospital/grpc-contracts';
import type { EncounterRecord, NoteRecord, VitalsRecord } from '../repositories/records.ts';
import { abnormalVitals, type VitalValues } from '../domain/vital-ranges.ts';
import { news2 } from '../domain/news2.ts';
import { toProtoEnum } from '@hospital/service-kit';
import { CONSCIOUSNESS, ENCOUNTER_KIND, ENCOUNTER_STATUS } from '../domain/proto-enums.ts';

const iso = (date: Date | null) => date?.toISOString() ?? '';

/**
 * An encounter as sent.
 * @param record - the stored encounter
 */
export function toProtoEncounter(record: EncounterRecord): Encounter {
  return {
    id: record.id,
    patientId: record.patientId,
    kind: toProtoEnum(ENCOUNTER_KIND, record.kind),
    status: toProtoEnum(ENCOUNTER_STATUS, record.closedAt ? 'CLOSED' : 'OPEN'),
    appointmentId: record.appointmentId ?? '',
    admissionId: record.admissionId ?? '',
    openedAt: iso(record.openedAt),
    openedBy: record.openedBy,
    closedAt: iso(record.closedAt),
    closedBy: record.closedBy ?? '',
  };
}

/**
 * A note as sent.
 * @param record - the stored note
 */
export function toProtoNote(record: NoteRecord): Note {
  return {
    id: record.id,
    encounterId: record.encounterId,
    patientId: record.patientId,
    authorId: record.authorId,
    text: record.text,
    writtenAt: iso(record.writtenAt),
    revisedAt: iso(record.revisedAt),
    signedAt: iso(record.signedAt),
    amendsNoteId: record.amendsNoteId ?? '',
  };
}

/**
 * The measurements of a stored set (nulls dropped).
 * @param record - the stored set
 */
export function valuesOf(record: VitalsRecord): VitalValues {
  const { temperatureC, pulseBpm, systolicMmhg, diastolicMmhg, respiratoryRate, spo2Percent, weightKg, heightCm, painScore } = record;
  const all = { temperatureC, pulseBpm, systolicMmhg, diastolicMmhg, respiratoryRate, spo2Percent, weightKg, heightCm, painScore };
  return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== null));
}

/**
 * A set of vital signs as sent, with its abnormal flags and NEWS2.
 * @param record - the stored set
 */
export function toProtoVitals(record: VitalsRecord): VitalSigns {
  const values = valuesOf(record);
  const score = news2({ ...values, onOxygen: record.onOxygen, consciousness: record.consciousness ?? undefined });
  return {
    id: record.id,
    patientId: record.patientId,
    recordedAt: iso(record.recordedAt),
    recordedBy: record.recordedBy,
    vitals: {
      ...values,
      onOxygen: record.onOxygen,
      consciousness: record.consciousness ? toProtoEnum(CONSCIOUSNESS, record.consciousness) : 'CONSCIOUSNESS_UNSPECIFIED',
    },
    abnormal: abnormalVitals(values),
    news2Score: score?.score ?? -1,
    news2Risk: score?.risk ?? '',
  };
}
