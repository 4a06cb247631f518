/** The API layer: configuration, client, and plain-words errors. */
export { loadAppConfig, endpointUrls, type AppConfig } from './config.ts';
export { createApiClient, type ApiClient, type ApiClientOptions } from './client.ts';
export { apiFailureOf, plainWords, isUnauthenticated, PLAIN_WORDS, type ApiErrorCode, type ApiFailure, type AnyError } from './errors.ts';
