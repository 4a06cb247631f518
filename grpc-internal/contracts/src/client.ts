/**
 * What every department's contract module shares: loading .proto files the way the generated
 * types expect, and turning a generated service into a promise client with deadlines.
 */
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import type { MethodDefinition } from '@grpc/proto-loader';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folder holding the .proto contracts (include root). */
export const PROTO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../proto');

/** Loader options matching the generated types (`--longs=String --enums=String --defaults --oneofs`). */
const LOADER_OPTIONS: protoLoader.Options = {
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [PROTO_ROOT],
};

/**
 * Loads one .proto file (with its imports) as a grpc-js package.
 * @param file - path below PROTO_ROOT
 */
export function loadProto<T>(file: string): T {
  const definition = protoLoader.loadSync(path.join(PROTO_ROOT, file), LOADER_OPTIONS);
  return grpc.loadPackageDefinition(definition) as unknown as T;
}

/** Per-call options for promise clients. */
export interface UnaryCallOptions {
  /** Metadata to send (identity, request id). */
  metadata?: grpc.Metadata;
  /** Deadline for this call in milliseconds; overrides the client default. */
  deadlineMs?: number;
}

/**
 * A service's methods as promise-returning functions, lower-camel-cased like the generated client.
 * The unused slots are `any`, not `unknown`: serializers take them as parameters, and
 * `(value: User) => Buffer` is not assignable to `(value: unknown) => Buffer`.
 */
export type PromiseClient<D> = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- matches any method definition; only Req and ResOut are read
  [K in keyof D as Uncapitalize<K & string>]: D[K] extends MethodDefinition<infer Req, any, any, infer ResOut>
    ? (request: Req, options?: UnaryCallOptions) => Promise<ResOut>
    : never;
} & { close(): void };

/** Options shared by every client factory. */
export interface ClientOptions {
  /** host:port of the service. */
  target: string;
  /** Default deadline per call in milliseconds. */
  deadlineMs?: number;
  /** Channel credentials; insecure (plaintext inside the cluster) by default. */
  credentials?: grpc.ChannelCredentials;
}

/** A generated service constructor. */
export type AnyServiceCtor = new (address: string, credentials: grpc.ChannelCredentials, options?: grpc.ClientOptions) => grpc.Client;

/**
 * Wraps a generated service constructor as a promise client.
 * @param ctor - the generated service constructor
 * @param options - target, deadline, credentials
 */
export function createPromiseClient<D>(ctor: AnyServiceCtor & { service: grpc.ServiceDefinition }, options: ClientOptions): PromiseClient<D> {
  const client = new ctor(options.target, options.credentials ?? grpc.credentials.createInsecure());
  const defaultDeadline = options.deadlineMs ?? 5_000;
  const facade: Record<string, unknown> = { close: () => client.close() };
  for (const [name, method] of Object.entries(ctor.service)) {
    const camel = name.charAt(0).toLowerCase() + name.slice(1);
    facade[camel] = (request: unknown, callOptions: UnaryCallOptions = {}) =>
      new Promise((resolve, reject) => {
        const deadline = new Date(Date.now() + (callOptions.deadlineMs ?? defaultDeadline));
        client.makeUnaryRequest(
          method.path,
          method.requestSerialize,
          method.responseDeserialize,
          request,
          callOptions.metadata ?? new grpc.Metadata(),
          { deadline },
          (error, response) => (error ? reject(error) : resolve(response)),
        );
      });
  }
  return facade as PromiseClient<D>;
}
