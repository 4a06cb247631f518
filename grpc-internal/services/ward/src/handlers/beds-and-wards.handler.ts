/** CreateWard, AddBed and SetBedOutOfService: the hospital's bed stock. */
import type { AddBedRequest__Output, Bed, CreateWardRequest__Output, SetBedOutOfServiceRequest__Output, Ward } from '@hospital/grpc-contracts';
import { conflict, notFound, parseRequest } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import { bedInUseMessage } from '../domain/clash-messages.ts';
import { coversWard, denyWardObjectAccess } from '../domain/ward-access.ts';
import type { WardDeps } from '../ward-deps.ts';
import { callerWardScope } from './caller-wards.ts';
import { addBedSchema, createWardSchema, setBedOutOfServiceSchema } from './beds-and-wards.schema.ts';
import { toProtoBed, toProtoWard } from './to-proto.ts';

type Wards = Pick<WardDeps, 'wards'>;

/**
 * Refuses (as an unknown bed) a bed outside the caller's wards; beds never change ward.
 * @param bedId - the bed
 * @param deps - ward and assignment storage
 * @param scope - the caller
 */
export async function assertBedInCallerWards(bedId: string, deps: Pick<WardDeps, 'wards' | 'assignments'>, scope: CallScope): Promise<void> {
  const wards = await callerWardScope(deps, scope);
  if (wards.kind === 'every-ward') return;
  const [bed] = await deps.wards.findBedsByIds([bedId]);
  if (bed && !coversWard(wards, bed.wardId)) throw denyWardObjectAccess(scope.caller, scope.logger, { kind: 'bed', id: bedId });
}

/**
 * Creates a ward; a code already in use is a CONFLICT (the unique index decides).
 * @param request - name, code, specialty
 * @param deps - ward storage
 * @param scope - the call's logger
 */
export async function createWardHandler(request: CreateWardRequest__Output, deps: Wards, scope: CallScope): Promise<Ward> {
  const input = parseRequest(createWardSchema, request);
  const ward = await deps.wards.createWard(input);
  if (!ward) throw conflict(`A ward with code ${input.code} already exists.`);
  scope.logger.info({ wardId: ward.id }, 'ward created');
  return toProtoWard(ward);
}

/**
 * Adds a bed; an unknown ward is NOT_FOUND, a label the ward already has is a CONFLICT.
 * @param request - ward and label
 * @param deps - ward storage
 * @param scope - the call's logger
 */
export async function addBedHandler(request: AddBedRequest__Output, deps: Wards, scope: CallScope): Promise<Bed> {
  const input = parseRequest(addBedSchema, request);
  const bed = await deps.wards.addBed(input);
  if (bed === 'ward-not-found') throw notFound('No ward with this id.');
  if (bed === 'label-taken') throw conflict(`This ward already has a bed ${input.label}.`);
  scope.logger.info({ wardId: input.wardId, bedId: bed.id }, 'bed added');
  return toProtoBed(bed);
}

/**
 * Takes a free bed out of service, or puts a bed back; an occupied bed cannot leave service
 * (CONFLICT). Setting the state it already has is not an error, so retries are harmless. Ward
 * staff may do this on their assigned wards only.
 * @param request - bed and state
 * @param deps - ward storage
 * @param scope - the call's logger
 */
export async function setBedOutOfServiceHandler(request: SetBedOutOfServiceRequest__Output, deps: Pick<WardDeps, 'wards' | 'assignments'>, scope: CallScope): Promise<Bed> {
  const { bedId, outOfService } = parseRequest(setBedOutOfServiceSchema, request);
  await assertBedInCallerWards(bedId, deps, scope);
  const outcome = await deps.wards.setOutOfService(bedId, outOfService);
  switch (outcome.kind) {
    case 'bed-not-found':
      throw notFound('No bed with this id.');
    case 'bed-occupied':
      throw conflict(bedInUseMessage(outcome.bed));
    case 'updated':
      scope.logger.info({ bedId, outOfService }, 'bed service state set');
      return toProtoBed(outcome.bed);
  }
}
