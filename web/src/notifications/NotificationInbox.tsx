/**
 * The signed-in user's inbox: their notifications newest first, a page at a time, unread ones
 * marked, each with its time in the hospital's zone, "Mark read", and a link to what it is about
 * (following the link marks it read too).
 */
import { useEffect, useMemo, useRef } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import type { SessionUser } from '../auth/index.ts';
import { formatDateTime } from '../time/hospital-time.ts';
import { Button, Empty, ErrorMessage, Loaded, Pager, useCursorPages } from '../ui/index.ts';
import { MarkNotificationRead, MyNotifications, MyNotificationsWithLinks } from './notification-documents.ts';
import { notificationLink, readsLinks } from './notification-link.ts';

/**
 * The inbox's list.
 * @param props.role - the signed-in role (which links it may follow)
 * @param props.unread - the bell's unread count: when it changes, the page is read again
 * @param props.onLeave - called when a link is followed (the panel closes)
 */
export function NotificationInbox({ role, unread, onLeave }: { role: SessionUser['role']; unread: number | undefined; onLeave(): void }) {
  const pages = useCursorPages();
  // Marking one read answers a Notification: the page holding it is read again.
  const context = useMemo(() => ({ additionalTypenames: ['Notification'] }), []);
  const links = readsLinks(role);
  const variables = { after: pages.after };
  const [plain, refetchPlain] = useQuery({ query: MyNotifications, variables, context, requestPolicy: 'cache-and-network', pause: links });
  const [linked, refetchLinked] = useQuery({ query: MyNotificationsWithLinks, variables, context, requestPolicy: 'cache-and-network', pause: !links });
  const result = links ? linked : plain;
  const refetch = links ? refetchLinked : refetchPlain;
  const [marked, mark] = useMutation(MarkNotificationRead);

  // A notification that arrives while the inbox is open shows up without a click.
  const seen = useRef(unread);
  useEffect(() => {
    if (seen.current === unread) return;
    seen.current = unread;
    refetch({ requestPolicy: 'network-only' });
  }, [unread, refetch]);

  const page = result.data?.myNotifications;
  const rows = page?.edges.map((edge) => edge.node) ?? [];
  // One notification whose appointment or lab order cannot be read must not hide the others: the page shows, the error under it.
  const shown = result.data ? { ...result, error: undefined } : result;
  return (
    <Loaded result={shown} loading="Loading your notifications…">
      {rows.length === 0 ? (
        <Empty>No notifications yet. New ones appear here as they arrive.</Empty>
      ) : (
        <ol aria-label="Your notifications" className="divide-y divide-slate-100">
          {rows.map((row) => {
            const isUnread = !row.readAt;
            const link = notificationLink(row, role);
            return (
              <li
                key={row.id}
                aria-label={`${isUnread ? 'Unread: ' : ''}${row.title}`}
                className={`py-2 pl-2 ${isUnread ? 'border-l-4 border-sky-600 bg-sky-50' : 'border-l-4 border-transparent'}`}
              >
                <p className="flex items-baseline justify-between gap-2 text-sm">
                  <span className={isUnread ? 'font-semibold' : ''}>{row.title}</span>
                  {isUnread ? <span className="shrink-0 rounded bg-sky-700 px-1.5 text-xs font-medium text-white">Unread</span> : null}
                </p>
                <p className="text-sm text-slate-700">{row.body}</p>
                <p className="text-xs text-slate-500">
                  <time dateTime={row.createdAt}>{formatDateTime(row.createdAt)}</time>
                </p>
                <p className="mt-1 flex flex-wrap items-center gap-2">
                  {link ? (
                    <Link
                      to={link.to}
                      className="text-sm font-medium text-sky-800 underline"
                      onClick={() => {
                        if (isUnread) void mark({ id: row.id });
                        onLeave();
                      }}
                    >
                      {link.label}
                    </Link>
                  ) : null}
                  {isUnread ? (
                    <Button look="secondary" onClick={() => void mark({ id: row.id })} disabled={marked.fetching} aria-label={`Mark read: ${row.title}`}>
                      Mark read
                    </Button>
                  ) : null}
                </p>
              </li>
            );
          })}
        </ol>
      )}
      <ErrorMessage error={result.data ? result.error : undefined} />
      <ErrorMessage error={marked.error} />
      <Pager pages={pages} page={page} noun="notification" />
    </Loaded>
  );
}
