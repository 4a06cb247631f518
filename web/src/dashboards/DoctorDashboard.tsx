/**
 * The doctor's morning: today's schedule (live), their own patients, patient search and the chart
 * of the chosen patient, where appointments are booked or cancelled and prescriptions written. Dispensing,
 * billing and bed management are other roles' work and are not offered here.
 *
 * A chart is its own screen at `/patients/:patientId`: the URL survives a reload (after signing in
 * again) and browser back returns to the lists.
 */
import { useEffect, useRef } from 'react';
import { Route, Routes, useNavigate, useParams } from 'react-router';
import { MyPatients } from './doctor/MyPatients.tsx';
import { PatientChart } from './doctor/PatientChart.tsx';
import { PatientSearch } from './doctor/PatientSearch.tsx';
import { RegisterPatientForm } from './doctor/RegisterPatientForm.tsx';
import { TodaySchedule } from './doctor/TodaySchedule.tsx';
import { Section } from '../ui/index.ts';

/** The path of a patient's chart. */
export const chartPath = (patientId: string) => `/patients/${encodeURIComponent(patientId)}`;

/** The dashboard a DOCTOR sees after signing in. */
export function DoctorDashboard() {
  return (
    <Routes>
      <Route path="/patients/:patientId" element={<ChartScreen />} />
      <Route path="*" element={<DoctorHome />} />
    </Routes>
  );
}

/** Schedule, own patients and search; opening a patient goes to the chart's route. */
function DoctorHome() {
  const navigate = useNavigate();
  const open = (patientId: string) => void navigate(chartPath(patientId));
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div>
        <TodaySchedule onOpenPatient={open} />
      </div>
      <div>
        <MyPatients onOpenPatient={open} />
        <PatientSearch onOpenPatient={open} />
        <Section title="Register a patient">
          <RegisterPatientForm onOpenPatient={open} />
        </Section>
      </div>
    </div>
  );
}

/** One chart, brought into view and focused so a click on "Open chart" visibly lands somewhere. */
function ChartScreen() {
  const { patientId = '' } = useParams();
  const navigate = useNavigate();
  const top = useRef<HTMLDivElement>(null);
  useEffect(() => {
    window.scrollTo({ top: 0 });
    top.current?.focus({ preventScroll: true });
  }, [patientId]);
  return (
    <div ref={top} tabIndex={-1} className="focus:outline-none" aria-label="Chart screen">
      <PatientChart key={patientId} patientId={patientId} onClose={() => void navigate('/')} />
    </div>
  );
}
