/** Validation of ListDoctorsRequest. */
import { listUsersSchema } from './list-users.schema.ts';

/** Name search and page (page size and cursor are checked by the handler with service-kit). */
export const listDoctorsSchema = listUsersSchema.pick({ search: true, page: true });
