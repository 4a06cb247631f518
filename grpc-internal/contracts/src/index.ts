/**
 * Typed gRPC contracts of every department: service definitions loaded from the .proto files,
 * the generated message types, and promise clients with deadlines.
 */
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import type { MethodDefinition } from '@grpc/proto-loader';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProtoGrpcType as IdentityProto } from './generated/identity.ts';
import type { ProtoGrpcType as PatientsProto } from './generated/patients.ts';
import type { IdentityServiceDefinition } from './generated/hospital/identity/v1/IdentityService.ts';
import type { PatientsServiceDefinition } from './generated/hospital/patients/v1/PatientsService.ts';

export * from './types.ts';

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

function load<T>(file: string): T {
  const definition = protoLoader.loadSync(path.join(PROTO_ROOT, file), LOADER_OPTIONS);
  return grpc.loadPackageDefinition(definition) as unknown as T;
}

/** The identity department's package (service constructor and definition). */
export const identityProto = load<IdentityProto>('hospital/identity/v1/identity.proto').hospital.identity.v1;
/** The patients department's package (service constructor and definition). */
export const patientsProto = load<PatientsProto>('hospital/patients/v1/patients.proto').hospital.patients.v1;

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

type AnyServiceCtor = new (address: string, credentials: grpc.ChannelCredentials, options?: grpc.ClientOptions) => grpc.Client;

function createPromiseClient<D>(ctor: AnyServiceCtor & { service: grpc.ServiceDefinition }, options: ClientOptions): PromiseClient<D> {
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

/** Promise client of the identity service. */
export type IdentityClient = PromiseClient<IdentityServiceDefinition>;
/** Promise client of the patients service. */
export type PatientsClient = PromiseClient<PatientsServiceDefinition>;

/**
 * Opens a client to the identity service.
 * @param options - target and default deadline
 */
export function createIdentityClient(options: ClientOptions): IdentityClient {
  return createPromiseClient<IdentityServiceDefinition>(identityProto.IdentityService, options);
}

/**
 * Opens a client to the patients service.
 * @param options - target and default deadline
 */
export function createPatientsClient(options: ClientOptions): PatientsClient {
  return createPromiseClient<PatientsServiceDefinition>(patientsProto.PatientsService, options);
}
