/** Field rules shared by the notifications request schemas. */

/** Why a service principal is refused an inbox call: notifications belong to people. */
export const NO_INBOX = 'Only signed-in users have notifications.';
