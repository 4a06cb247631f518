/** The event contracts (re-exported by the package root): appointments and clinical, and their shared reading. */
export * from './event-reading.ts';
export * from './appointment-event.ts';
export * from './appointment-event-message.ts';
export * from './clinical-event.ts';
export * from './clinical-event-message.ts';
