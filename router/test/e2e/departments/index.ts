/**
 * Every department, in start order (a service may call the services listed before it).
 * A new department adds its starter file and one line here.
 */
import type { DepartmentStarter } from './department.ts';
import { identity } from './identity.ts';
import { patients } from './patients.ts';

export const DEPARTMENTS: DepartmentStarter[] = [identity, patients];
