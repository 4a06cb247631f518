/** The inbox's GraphQL operations (typed by the client preset, hashed into the safelist). */
import { graphql } from '../gql/index.ts';

/** What every inbox shows of a notification. */
export const InboxNotificationFields = graphql(`
  fragment InboxNotification on Notification { id title body createdAt readAt eventType }
`);

/** A page of the inbox as both inbox queries read it: its count and cursor (for the pager) and its notifications. */
export const InboxPageFields = graphql(`
  fragment InboxPage on NotificationConnection {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { ...InboxNotification } }
  }
`);

/** One page of the signed-in user's notifications, newest first. */
export const MyNotifications = graphql(`
  query InboxNotifications($after: String) { myNotifications(first: 10, after: $after) { ...InboxPage } }
`);

/**
 * The same page with the patient of each appointment or lab order, where the links lead: a
 * separate operation, because the router decides access over every field an operation names
 * (an `@include` does not count), and only the roles with screens for them may read these.
 */
export const MyNotificationsWithLinks = graphql(`
  query InboxNotificationsWithLinks($after: String) {
    myNotifications(first: 10, after: $after) {
      ...InboxPage
      edges { node { appointment { id patient { id } } labOrder { id patient { id } } } }
    }
  }
`);

/** How many notifications are unread (the bell's number). */
export const UnreadNotificationCount = graphql(`
  query InboxUnreadCount { unreadNotificationCount }
`);

/** Marks one notification read. */
export const MarkNotificationRead = graphql(`
  mutation InboxMarkRead($id: ID!) { markNotificationRead(id: $id) { id readAt } }
`);
