/**
 * The header's "Notifications" button for every signed-in role: the unread count (in its
 * accessible name too), kept fresh by re-reading it every 20 s, and the inbox in a panel under it.
 * Escape closes the panel and returns to the button.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useQuery } from 'urql';
import { useSession } from '../auth/index.ts';
import { Button, useOpened } from '../ui/index.ts';
import { UnreadNotificationCount } from './notification-documents.ts';
import { NotificationInbox } from './NotificationInbox.tsx';

/**
 * How often the unread count is re-read. Notifications are written by the notifications service
 * from Kafka events; no subscription carries them, so the bell asks (one small query per user).
 */
export const NOTIFICATION_REFRESH_MS = 20_000;

/** The bell and its panel. */
export function NotificationBell() {
  const { user } = useSession();
  const panel = useOpened();
  const holder = useRef<HTMLSpanElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Marking one read answers a Notification: the count is read again at once.
  const context = useMemo(() => ({ additionalTypenames: ['Notification'] }), []);
  const [count, refetch] = useQuery({ query: UnreadNotificationCount, context });
  useEffect(() => {
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), NOTIFICATION_REFRESH_MS);
    return () => clearInterval(timer);
  }, [refetch]);
  const opened = !!panel.value;
  useEffect(() => {
    if (opened) heading.current?.focus();
  }, [opened]);

  const unread = count.data?.unreadNotificationCount;
  const name = unread === undefined ? 'Notifications' : `Notifications (${unread} unread)`;
  const close = () => {
    panel.close();
    holder.current?.querySelector('button')?.focus();
  };
  return (
    <span ref={holder} className="relative">
      <Button
        look="secondary"
        onClick={() => (opened ? panel.close() : panel.open(true))}
        aria-expanded={opened}
        aria-controls={opened ? 'notification-panel' : undefined}
        aria-label={name}
      >
        <span className="inline-flex items-center gap-1.5">
          <BellIcon />
          Notifications
          {unread ? <span className="rounded-full bg-red-700 px-1.5 text-xs font-semibold text-white">{unread}</span> : null}
        </span>
      </Button>
      {opened ? (
        <section
          id="notification-panel"
          aria-labelledby="notification-panel-title"
          onKeyDown={(event) => (event.key === 'Escape' ? close() : undefined)}
          className="absolute right-0 z-20 mt-2 max-h-[70vh] w-[28rem] max-w-[90vw] overflow-y-auto rounded-lg border border-slate-200 bg-white p-4 text-left shadow-lg"
        >
          <h2 id="notification-panel-title" ref={heading} tabIndex={-1} className="mb-2 text-lg font-semibold focus:outline-none">
            Notifications
          </h2>
          <NotificationInbox role={user.role} unread={unread} onLeave={panel.close} />
        </section>
      ) : null}
    </span>
  );
}

/** A bell outline (decorative: the button's name says what it is). */
function BellIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}
