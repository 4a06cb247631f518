/**
 * HL7 v2 ORU^R01 (unsolicited observation result) → the one result it carries, parsed with
 * node-hl7-client. The hospital's rule for its inbound lab interface: one OBR per message naming
 * the order item in OBR-2 (placer order number, our order item id), one numeric OBX (OBX-2 NM)
 * whose OBX-3.1 is the LOINC code of the ordered test; OBX-11 F is a final result, C a correction.
 */
import { Message } from 'node-hl7-client';

/** What the message says. */
export interface OruResult {
  /** MSH-10, echoed back so the sender can match its acknowledgement. */
  controlId: string;
  /** OBR-2: the order item. */
  orderId: string;
  /** OBX-3.1. */
  loincCode: string;
  value: number;
  /** OBX-6.1. */
  unit: string;
  /** OBX-11: F (final) enters the result, C (corrected) amends it. */
  correction: boolean;
}

/** Why a message cannot be taken, naming the HL7 field. */
export class OruRefused extends Error {}

const segmentCount = (message: Message, name: string): number => {
  const found: unknown = message.get(name);
  return typeof found === 'object' && found !== null && 'length' in found ? Number(found.length) : 0;
};

/**
 * Parses an ORU^R01 message (segments separated by CR, LF or CRLF).
 * @param text - the message as received
 * @throws OruRefused when it is not one numeric final or corrected result of one order
 */
export function parseOruR01(text: string): OruResult {
  let message: Message;
  try {
    message = new Message({ text: text.trim().replace(/\r?\n/g, '\r') });
  } catch {
    throw new OruRefused('not an HL7 v2 message.');
  }
  const field = (path: string) => {
    try {
      return message.get(path).toString().trim();
    } catch {
      return '';
    }
  };
  if (field('MSH.9.1') !== 'ORU' || field('MSH.9.2') !== 'R01') throw new OruRefused('MSH-9 must be ORU^R01.');
  if (segmentCount(message, 'OBR') !== 1) throw new OruRefused('exactly one OBR per message.');
  if (segmentCount(message, 'OBX') !== 1) throw new OruRefused('exactly one OBX per message.');
  if (field('OBX.2') !== 'NM') throw new OruRefused('OBX-2 must be NM (a numeric result).');
  const status = field('OBX.11');
  if (status !== 'F' && status !== 'C') throw new OruRefused('OBX-11 must be F (final) or C (corrected).');
  const raw = field('OBX.5');
  const value = /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isFinite(value)) throw new OruRefused('OBX-5 must be a number.');
  return { controlId: field('MSH.10'), orderId: field('OBR.2.1'), loincCode: field('OBX.3.1'), value, unit: field('OBX.6.1'), correction: status === 'C' };
}
