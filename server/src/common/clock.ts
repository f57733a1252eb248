const DAY_MS = 24 * 3_600_000;

/**
 * The time, injectable so tests can fix "today" (ages, disclosure windows, deadlines). CoreModule
 * builds it with CLOCK_OFFSET_DAYS: browser tests run the built server as a child process, where no
 * spy can reach, and move it days ahead instead (refused in production, see loadConfig).
 */
export class Clock {
  constructor(private readonly offsetDays = 0) {}

  now(): Date {
    return new Date(Date.now() + this.offsetDays * DAY_MS);
  }
}
