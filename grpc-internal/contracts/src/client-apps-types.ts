/** Generated message types of the identity service's third-party app methods (client_apps.proto). */
export type { ClientApp, ClientApp__Output } from './generated/hospital/identity/v1/ClientApp.ts';
export type { RegisterClientAppRequest__Output } from './generated/hospital/identity/v1/RegisterClientAppRequest.ts';
export type { ClientAppRegistration, ClientAppRegistration__Output } from './generated/hospital/identity/v1/ClientAppRegistration.ts';
export type { ClientAppIdRequest__Output } from './generated/hospital/identity/v1/ClientAppIdRequest.ts';
export type { ListClientAppsRequest__Output } from './generated/hospital/identity/v1/ListClientAppsRequest.ts';
export type { ListClientAppsResponse, ListClientAppsResponse__Output } from './generated/hospital/identity/v1/ListClientAppsResponse.ts';
export type { IssueClientTokenRequest__Output } from './generated/hospital/identity/v1/IssueClientTokenRequest.ts';
export type { IssueClientTokenResponse, IssueClientTokenResponse__Output } from './generated/hospital/identity/v1/IssueClientTokenResponse.ts';
export type { ListClientOriginsResponse, ListClientOriginsResponse__Output } from './generated/hospital/identity/v1/ListClientOriginsResponse.ts';
export type { CheckAuthorizationRequest__Output } from './generated/hospital/identity/v1/CheckAuthorizationRequest.ts';
export type { AuthorizationCheck, AuthorizationCheck__Output } from './generated/hospital/identity/v1/AuthorizationCheck.ts';
export type { CreateAuthorizationCodeRequest__Output } from './generated/hospital/identity/v1/CreateAuthorizationCodeRequest.ts';
export type { AuthorizationCode, AuthorizationCode__Output } from './generated/hospital/identity/v1/AuthorizationCode.ts';
