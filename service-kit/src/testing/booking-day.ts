/** Where harnesses start their test bookings (`@hospital/service-kit/testing`). */

/**
 * 08:00 UTC some days from now: far enough from "now" for every slot rule, and the same hour
 * whatever the machine's time zone.
 * @param days - how many days ahead (1 is tomorrow)
 */
export function utcMorningInDays(days: number): Date {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + days);
  day.setUTCHours(8, 0, 0, 0);
  return day;
}
