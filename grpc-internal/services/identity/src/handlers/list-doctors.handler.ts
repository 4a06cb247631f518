/** ListDoctors: pages through the active doctors by (display name, id), id and name only. */
import type { ListDoctorsRequest__Output, ListDoctorsResponse } from '@hospital/grpc-contracts';
import { decodeCursor, encodeCursor, invalidInput, keysetOf, keysetPage, parseRequest, uuidSchema } from '@hospital/service-kit';
import type { IdentityDeps } from '../identity-deps.ts';
import type { NamePosition } from '../repositories/user-repository.ts';
import { listDoctorsSchema } from './list-doctors.schema.ts';

function positionFrom(cursor: string): NamePosition {
  const [displayName, id] = decodeCursor(cursor, 2);
  if (displayName === undefined || !uuidSchema.safeParse(id).success) throw invalidInput('Invalid cursor.', 'after');
  return { displayName, id: id! };
}

/**
 * One page of active doctors, optionally matching a name search, with the total count. The
 * cursor holds the name and id only, so it reveals nothing the page does not show.
 * @param request - name search and page
 * @param deps - user storage
 */
export async function listDoctorsHandler(request: ListDoctorsRequest__Output, deps: Pick<IdentityDeps, 'users'>): Promise<ListDoctorsResponse> {
  const { search, page } = parseRequest(listDoctorsSchema, request);
  const filter = { role: 'doctor' as const, search };
  const { limit, readLimit, after } = keysetOf(page, positionFrom);
  const [read, totalCount] = await Promise.all([deps.users.listActiveByName({ ...filter, after, limit: readLimit }), deps.users.countActiveByName(filter)]);
  const { rows, cursors, pageInfo } = keysetPage(read, limit, (doctor) => encodeCursor([doctor.displayName, doctor.id]), totalCount);
  return { doctors: rows.map((doctor) => ({ id: doctor.id, displayName: doctor.displayName })), cursors, pageInfo };
}
