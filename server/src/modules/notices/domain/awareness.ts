import type { AwarenessUnit, Fraction, GridAwareness, NamedRef } from '@village/shared';

/*
 * 知晓率 (DOMAIN.md §4): of the units a notice is for — every active household for a notice to all
 * villagers, every active party member for a party-only one — how many have been reached, either
 * because someone read it in the app (a household counts once however many members read it) or
 * because a grid leader told them in person (上门告知). Exact fraction; per grid in the grids' order.
 */

export interface AwarenessSubject {
  /** Household id (unit household) or resident id (unit party_member). */
  id: string;
  gridId: string;
}

export interface AwarenessInput {
  unit: AwarenessUnit;
  /** Who the notice is for, now: active households, or active party members. */
  subjects: AwarenessSubject[];
  grids: NamedRef[];
  /** Subject ids reached by reading (household ids of readers, or reader resident ids). */
  readBy: Iterable<string>;
  /** Subject ids told in person. */
  toldInPerson: Iterable<string>;
}

export interface AwarenessFigures {
  unit: AwarenessUnit;
  total: number;
  reached: number;
  /** Of `reached`, those told in person (whether or not someone also read it). */
  toldInPerson: number;
  rate: Fraction;
  byGrid: GridAwareness[];
  /** Subject ids not reached yet, in input order. */
  unreached: string[];
}

export function computeAwareness(input: AwarenessInput): AwarenessFigures {
  const read = new Set(input.readBy);
  const told = new Set(input.toldInPerson);
  const perGrid = new Map<string, GridAwareness>(input.grids.map((grid) => [grid.id, { grid, total: 0, reached: 0, toldInPerson: 0 }]));
  const seen = new Set<string>();
  let reached = 0;
  let toldCount = 0;
  const unreached: string[] = [];

  for (const subject of input.subjects) {
    if (seen.has(subject.id)) continue; // a subject listed twice still counts once
    seen.add(subject.id);
    let grid = perGrid.get(subject.gridId);
    if (!grid) {
      grid = { grid: { id: subject.gridId, name: '' }, total: 0, reached: 0, toldInPerson: 0 };
      perGrid.set(subject.gridId, grid);
    }
    grid.total += 1;
    const inPerson = told.has(subject.id);
    if (inPerson || read.has(subject.id)) {
      reached += 1;
      grid.reached += 1;
      if (inPerson) {
        toldCount += 1;
        grid.toldInPerson += 1;
      }
    } else {
      unreached.push(subject.id);
    }
  }

  return {
    unit: input.unit,
    total: seen.size,
    reached,
    toldInPerson: toldCount,
    rate: { numerator: reached, denominator: seen.size },
    byGrid: [...perGrid.values()],
    unreached,
  };
}
