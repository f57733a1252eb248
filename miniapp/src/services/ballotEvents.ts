/**
 * "Something about ballots changed" between pages: a vote cast, a ballot opened, closed or saved.
 * The 议事 tab and 首页 check the counter when they show again and reload quietly only then.
 */
let changes = 0;

export function noteBallotsChanged(): void {
  changes += 1;
}

/** The current position; pass it back to `ballotsChangedSince`. */
export function ballotEventPosition(): number {
  return changes;
}

export function ballotsChangedSince(position: number): boolean {
  return changes !== position;
}
