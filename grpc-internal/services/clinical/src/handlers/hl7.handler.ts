/**
 * ReceiveOruMessage: a lab's HL7 v2 ORU^R01 result (parsed by domain/oru-message.ts) entered, or
 * with OBX-11 C amended, through the same rules as a result typed by staff (unit, plausibility,
 * flag, once per order item).
 */
import { z } from 'zod';
import type { ReceiveOruMessageRequest__Output, ReceiveOruMessageResponse } from '@hospital/grpc-contracts';
import { invalidInput, parseRequest, uuidSchema } from '@hospital/service-kit';
import type { CallScope } from '@hospital/service-kit/grpc';
import type { ClinicalDeps } from '../clinical-deps.ts';
import { OruRefused, parseOruR01 } from '../domain/oru-message.ts';
import { amendResult, enterResult } from './labs.handler.ts';

/** Longest message taken. */
export const MAX_HL7_MESSAGE = 64 * 1024;

const receiveOruSchema = z.object({ message: z.string().min(1, 'is required.').max(MAX_HL7_MESSAGE, `must be at most ${MAX_HL7_MESSAGE} characters.`) });

/**
 * Takes one ORU^R01 message.
 * @param request - the raw message
 * @param deps - storage and the ward department
 * @param scope - the caller (the lab interface's account)
 */
export async function receiveOruMessageHandler(request: ReceiveOruMessageRequest__Output, deps: ClinicalDeps, scope: CallScope): Promise<ReceiveOruMessageResponse> {
  const { message } = parseRequest(receiveOruSchema, request);
  let parsed;
  try {
    parsed = parseOruR01(message);
  } catch (error) {
    if (error instanceof OruRefused) throw invalidInput(`HL7: ${error.message}`, 'message');
    throw error;
  }
  if (!uuidSchema.safeParse(parsed.orderId).success) throw invalidInput('HL7: OBR-2 must be the order id.', 'message');
  const input = { orderId: parsed.orderId, value: parsed.value, unit: parsed.unit };
  const order = parsed.correction ? await amendResult(input, deps, scope, parsed.loincCode) : await enterResult(input, deps, scope, parsed.loincCode);
  return { messageControlId: parsed.controlId, order };
}
