/**
 * Every department, in start order (a service may call the services listed before it).
 * A new department adds its starter file and one line here.
 */
import type { DepartmentStarter } from './department.ts';
import { identity } from './identity.ts';
import { appointments } from './appointments.ts';
import { notifications } from './notifications.ts';
import { finance } from './finance.ts';
import { patients } from './patients.ts';
import { pharmacy } from './pharmacy.ts';
import { ward } from './ward.ts';
import { clinical } from './clinical.ts';

// Finance checks billed appointments and admissions, so it starts after appointments and ward.
export const DEPARTMENTS: DepartmentStarter[] = [identity, patients, appointments, notifications, ward, finance, pharmacy, clinical];
