/** Values that test/global-setup.ts hands to every test file through vitest's `inject` (kafkaBrokers: test-support/src/kafka-brokers.ts). */
declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of this run's migrated test database, as the services' role (least privilege). */
    databaseUrl: string;
    /** The same database as its owner: a server URL for creating more databases, and for migrating. */
    databaseOwnerUrl: string;
    /** This run's Redis URL, or (url empty) why there is none. */
    redis: { url: string; problem: string };
    /** A folder of this run's (removed at its end) for what every file would otherwise build again. */
    runDir: string;
  }
}

export {};
