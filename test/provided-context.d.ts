/** Values that test/global-setup.ts hands to every test file through vitest's `inject`. */
declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of this run's migrated test database, as the services' role (least privilege). */
    databaseUrl: string;
    /** The same database as its owner: a server URL for creating more databases, and for migrating. */
    databaseOwnerUrl: string;
    /** host:port of this run's Kafka broker. */
    kafkaBrokers: string;
    /** This run's Redis URL, or (url empty) why there is none. */
    redis: { url: string; problem: string };
  }
}

export {};
