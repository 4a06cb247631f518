/** Generated message and handler types, re-exported under short names. */
export type { Role } from './generated/hospital/common/v1/Role.ts';
export type { PageRequest } from './generated/hospital/common/v1/PageRequest.ts';
export type { PageInfo, PageInfo__Output } from './generated/hospital/common/v1/PageInfo.ts';
export type { User, User__Output } from './generated/hospital/identity/v1/User.ts';
export type { AuthPayload, AuthPayload__Output } from './generated/hospital/identity/v1/AuthPayload.ts';
export type { IdentityServiceHandlers } from './generated/hospital/identity/v1/IdentityService.ts';
export type { Patient, Patient__Output } from './generated/hospital/patients/v1/Patient.ts';
export type { Sex } from './generated/hospital/patients/v1/Sex.ts';
export type { PatientsServiceHandlers } from './generated/hospital/patients/v1/PatientsService.ts';
export type { RegisterPatientRequest__Output } from './generated/hospital/patients/v1/RegisterPatientRequest.ts';
export type { UpdatePatientRequest__Output } from './generated/hospital/patients/v1/UpdatePatientRequest.ts';
export type { SearchPatientsRequest__Output } from './generated/hospital/patients/v1/SearchPatientsRequest.ts';
