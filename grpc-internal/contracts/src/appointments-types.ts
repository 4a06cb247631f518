/** Generated appointments message and handler types, re-exported under short names. */
export type { AppointmentsServiceHandlers } from './generated/hospital/appointments/v1/AppointmentsService.ts';
export type {
  AppointmentStatus as AppointmentStatusProto,
  AppointmentStatus__Output as AppointmentStatusProto__Output,
} from './generated/hospital/appointments/v1/AppointmentStatus.ts';
export type { Appointment, Appointment__Output } from './generated/hospital/appointments/v1/Appointment.ts';
export type { AppointmentStatusChange, AppointmentStatusChange__Output } from './generated/hospital/appointments/v1/AppointmentStatusChange.ts';
export type { AppointmentEvent, AppointmentEvent__Output } from './generated/hospital/appointments/v1/AppointmentEvent.ts';
export type { GetAppointmentsRequest, GetAppointmentsRequest__Output } from './generated/hospital/appointments/v1/GetAppointmentsRequest.ts';
export type { GetAppointmentsResponse, GetAppointmentsResponse__Output } from './generated/hospital/appointments/v1/GetAppointmentsResponse.ts';
export type { ListAppointmentsRequest, ListAppointmentsRequest__Output } from './generated/hospital/appointments/v1/ListAppointmentsRequest.ts';
export type { ListAppointmentsResponse, ListAppointmentsResponse__Output } from './generated/hospital/appointments/v1/ListAppointmentsResponse.ts';
export type { ListAppointmentsForPatientsRequest, ListAppointmentsForPatientsRequest__Output } from './generated/hospital/appointments/v1/ListAppointmentsForPatientsRequest.ts';
export type { ListAppointmentsForPatientsResponse, ListAppointmentsForPatientsResponse__Output } from './generated/hospital/appointments/v1/ListAppointmentsForPatientsResponse.ts';
export type { PatientAppointments, PatientAppointments__Output } from './generated/hospital/appointments/v1/PatientAppointments.ts';
export type { BookAppointmentRequest, BookAppointmentRequest__Output } from './generated/hospital/appointments/v1/BookAppointmentRequest.ts';
export type { RescheduleAppointmentRequest, RescheduleAppointmentRequest__Output } from './generated/hospital/appointments/v1/RescheduleAppointmentRequest.ts';
export type { CancelAppointmentRequest, CancelAppointmentRequest__Output } from './generated/hospital/appointments/v1/CancelAppointmentRequest.ts';
export type { CheckInAppointmentRequest, CheckInAppointmentRequest__Output } from './generated/hospital/appointments/v1/CheckInAppointmentRequest.ts';
export type { CompleteAppointmentRequest, CompleteAppointmentRequest__Output } from './generated/hospital/appointments/v1/CompleteAppointmentRequest.ts';
export type { MarkNoShowRequest, MarkNoShowRequest__Output } from './generated/hospital/appointments/v1/MarkNoShowRequest.ts';
export type { PullEventsRequest, PullEventsRequest__Output } from './generated/hospital/appointments/v1/PullEventsRequest.ts';
export type { PullEventsResponse, PullEventsResponse__Output } from './generated/hospital/appointments/v1/PullEventsResponse.ts';
export type { AckEventsRequest, AckEventsRequest__Output } from './generated/hospital/appointments/v1/AckEventsRequest.ts';
export type { AckEventsResponse, AckEventsResponse__Output } from './generated/hospital/appointments/v1/AckEventsResponse.ts';
export type { ListDoctorPatientsRequest, ListDoctorPatientsRequest__Output } from './generated/hospital/appointments/v1/ListDoctorPatientsRequest.ts';
export type { ListDoctorPatientsResponse, ListDoctorPatientsResponse__Output } from './generated/hospital/appointments/v1/ListDoctorPatientsResponse.ts';
