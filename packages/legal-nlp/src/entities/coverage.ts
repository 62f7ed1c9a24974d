/** Which characters of a text are already taken by an entity: overlap checks in time linear in the span. */
export class Coverage {
  private readonly taken: Uint8Array;

  constructor(length: number) {
    this.taken = new Uint8Array(length + 1);
  }

  overlaps(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.taken[i]) return true;
    return false;
  }

  add(start: number, end: number): void {
    this.taken.fill(1, start, end);
  }
}
