/**
 * Appointment times as people read them, in the hospital's time zone (HOSPITAL_TIME_ZONE): the
 * stored instants are UTC, but a patient in London expects "Wed 25 Nov 2026, 09:30–10:00 GMT".
 */

interface LocalParts {
  date: string;
  time: string;
  zone: string;
}

function localParts(instant: string, timeZone: string): LocalParts {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`,
    time: `${part('hour')}:${part('minute')}`,
    zone: part('timeZoneName'),
  };
}

/**
 * A slot as one phrase: "Wed 25 Nov 2026, 09:30–10:00 GMT", or both dates when it crosses
 * midnight locally.
 * @param startsAt - RFC 3339 start
 * @param endsAt - RFC 3339 end
 * @param timeZone - IANA time zone to show it in
 */
export function formatSlot(startsAt: string, endsAt: string, timeZone: string): string {
  const start = localParts(startsAt, timeZone);
  const end = localParts(endsAt, timeZone);
  if (start.date === end.date) return `${start.date}, ${start.time}–${end.time} ${end.zone}`;
  return `${start.date}, ${start.time} ${start.zone} – ${end.date}, ${end.time} ${end.zone}`;
}

/**
 * The start alone, "Wed 25 Nov 2026, 09:30 GMT" (short messages).
 * @param instant - RFC 3339 instant
 * @param timeZone - IANA time zone to show it in
 */
export function formatInstant(instant: string, timeZone: string): string {
  const local = localParts(instant, timeZone);
  return `${local.date}, ${local.time} ${local.zone}`;
}
