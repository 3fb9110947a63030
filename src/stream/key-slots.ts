/** The keys of one join field (`user_id`) numbered in order of first appearance: one hash lookup per row for all its consumers. */
export class KeySlots {
  readonly keys: string[] = [];
  private readonly slots = new Map<string, number>();

  /** The slot of a key, numbering it when new. */
  slotOf(key: string): number {
    let slot = this.slots.get(key);
    if (slot === undefined) {
      slot = this.keys.length;
      // A key cut from a large chunk of text would keep the whole chunk alive: store a copy.
      const copy = JSON.parse(JSON.stringify(key)) as string;
      this.slots.set(copy, slot);
      this.keys.push(copy);
    }
    return slot;
  }

  /** The slot of a key already numbered, else undefined. */
  find(key: string): number | undefined {
    return this.slots.get(key);
  }
}
