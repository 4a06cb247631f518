/** The appointment event contract (re-exported by the package root). */
export * from './appointment-event.ts';
export * from './appointment-event-message.ts';
