import { Injectable } from '@nestjs/common';

/** The time, injectable so tests can fix "today" (ages, disclosure windows, deadlines). */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
