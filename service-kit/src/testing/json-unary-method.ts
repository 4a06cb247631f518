/** A unary gRPC method carrying JSON, for the kit's own tests of its server plumbing (no proto needed). */
import type { MethodDefinition } from '@grpc/grpc-js';

/** JSON bytes both ways. */
export const json = {
  serialize: (value: unknown): Buffer => Buffer.from(JSON.stringify(value)),
  deserialize: (bytes: Buffer): unknown => JSON.parse(bytes.toString()) as unknown,
};

/**
 * The definition of one unary method whose requests and answers are JSON.
 * @param path - the method's full path, `/package.Service/Method`
 */
export function jsonUnaryMethod(path: string): MethodDefinition<unknown, unknown> {
  return {
    path,
    requestStream: false,
    responseStream: false,
    requestSerialize: json.serialize,
    requestDeserialize: json.deserialize,
    responseSerialize: json.serialize,
    responseDeserialize: json.deserialize,
  };
}
