/**
 * A bounded memory of recently seen event ids: at-least-once transports (a pull whose ack was
 * lost, a Kafka redelivery after a rebalance) may hand the same event over again, and live
 * subscribers should see it once.
 */
export class RecentIds {
  private readonly ids = new Set<string>();

  /** @param capacity - how many ids to remember (the oldest is forgotten first) */
  constructor(private readonly capacity: number) {}

  /**
   * Remembers an id.
   * @param id - the event id
   * @returns true when the id is new, false when it was seen recently
   */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    // A Set iterates in insertion order: its first entry is the oldest.
    if (this.ids.size > this.capacity) this.ids.delete(this.ids.values().next().value!);
    return true;
  }
}
