import { ageOn } from './age';
import { AGE_BANDS, ageBandBirthDates, ageBandOf, bornOnOrBeforeForAge } from './age-band';

describe('age bands', () => {
  const on = new Date(2026, 10, 25);

  it('places birthdays on the boundaries the way ageOn counts years', () => {
    expect(ageBandOf('2008-11-25', on)).toBe('adult');
    expect(ageBandOf('2008-11-26', on)).toBe('minor');
    expect(ageBandOf('1966-11-25', on)).toBe('senior');
    expect(ageBandOf('1966-11-26', on)).toBe('adult');
    expect(ageBandOf('1946-11-25', on)).toBe('oldest');
    expect(ageBandOf('1946-11-26', on)).toBe('senior');
  });

  it('gives database bounds that agree with ageBandOf for every day across the boundaries', () => {
    const days = [new Date(2026, 10, 25), new Date(2024, 1, 29), new Date(2025, 1, 28), new Date(2026, 0, 1)];
    for (const day of days) {
      for (let offset = -3; offset <= 3; offset += 1) {
        for (const age of [18, 60, 80]) {
          const birth = new Date(day.getFullYear() - age, day.getMonth(), day.getDate() + offset);
          const iso = `${birth.getFullYear()}-${String(birth.getMonth() + 1).padStart(2, '0')}-${String(birth.getDate()).padStart(2, '0')}`;
          const band = ageBandOf(iso, day);
          for (const candidate of AGE_BANDS) {
            const { bornOnOrBefore, bornAfter } = ageBandBirthDates(candidate, day);
            const inRange = (bornOnOrBefore === null || iso <= bornOnOrBefore) && (bornAfter === null || iso > bornAfter);
            expect({ iso, day: day.toDateString(), candidate, inRange }).toEqual({ iso, day: day.toDateString(), candidate, inRange: candidate === band });
          }
        }
      }
    }
  });

  it('treats a 29 February birthday as reached on 1 March in common years', () => {
    const cutoff = bornOnOrBeforeForAge(18, new Date(2026, 1, 28));
    expect(cutoff).toBe('2008-02-28');
    expect(ageOn('2008-02-29', new Date(2026, 1, 28))).toBe(17);
    expect('2008-02-29' <= cutoff).toBe(false);
  });
});
