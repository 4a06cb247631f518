/** Building and reading the metadata every internal gRPC call carries. */
import { Metadata } from '@grpc/grpc-js';
import { IDENTITY_HEADER, REQUEST_ID_HEADER } from './identity-token.ts';
import { injectTraceContext, tracingActive } from './tracing/spans.ts';

/**
 * Metadata for a call made on behalf of a caller.
 * @param identityToken - the signed internal identity (from the router)
 * @param requestId - the request id to propagate
 */
export function callMetadata(identityToken: string, requestId: string): Metadata {
  const metadata = new Metadata();
  metadata.set(IDENTITY_HEADER, identityToken);
  metadata.set(REQUEST_ID_HEADER, requestId);
  // The current span's traceparent (tracing on only): the service continues the caller's trace.
  if (tracingActive()) {
    const trace: Record<string, string> = {};
    injectTraceContext(trace);
    for (const [key, value] of Object.entries(trace)) metadata.set(key, value);
  }
  return metadata;
}

/**
 * First string value of a metadata key.
 * @param metadata - incoming metadata
 * @param key - lower-case key
 */
export function metadataValue(metadata: Metadata, key: string): string | undefined {
  const value = metadata.get(key)[0];
  return typeof value === 'string' ? value : undefined;
}
