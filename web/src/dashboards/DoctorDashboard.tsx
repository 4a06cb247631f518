/**
 * The doctor's morning: today's schedule (live), their own patients, patient search and the chart
 * of the chosen patient, where appointments are booked or cancelled and prescriptions written. Dispensing,
 * billing and bed management are other roles' work and are not offered here.
 */
import { useState } from 'react';
import { MyPatients } from './doctor/MyPatients.tsx';
import { PatientChart } from './doctor/PatientChart.tsx';
import { PatientSearch } from './doctor/PatientSearch.tsx';
import { TodaySchedule } from './doctor/TodaySchedule.tsx';

/** The dashboard a DOCTOR sees after signing in. */
export function DoctorDashboard() {
  const [patientId, setPatientId] = useState<string | null>(null);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div>
        <TodaySchedule onOpenPatient={setPatientId} />
        <MyPatients onOpenPatient={setPatientId} />
        <PatientSearch onOpenPatient={setPatientId} />
      </div>
      <div>{patientId ? <PatientChart key={patientId} patientId={patientId} onClose={() => setPatientId(null)} /> : null}</div>
    </div>
  );
}
