/** @hospital/finance-service: invoices, payments and refunds over gRPC. */
export { startFinanceService, type FinanceServiceConfig, type RunningFinanceService } from './finance-service.ts';
export { loadConfig } from './env.ts';
export { FINANCE_SERVICE_NAME } from './service.ts';
