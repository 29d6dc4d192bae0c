import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { belgianPublicHolidays, easterSunday, isBelgianPublicHoliday } from './holidays.js';

describe('Belgian public holidays', () => {
  it('computes Easter Sunday for years across two decades', () => {
    const known: Record<number, string> = {
      2019: '2019-04-21',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2028: '2028-04-16',
      2029: '2029-04-01',
      2030: '2030-04-21',
      2038: '2038-04-25',
    };
    for (const [year, date] of Object.entries(known)) assert.equal(easterSunday(Number(year)), date, year);
  });

  it('closes on Easter Monday 2026, 2027, 2028 and 2030', () => {
    for (const date of ['2026-04-06', '2027-03-29', '2028-04-17', '2030-04-22']) assert.equal(isBelgianPublicHoliday(date), true, date);
    assert.equal(isBelgianPublicHoliday('2027-03-28'), false, 'Easter Sunday is a Sunday, not one of the ten');
  });

  it('puts Ascension 39 days and Whit Monday 50 days after Easter', () => {
    const holidays = belgianPublicHolidays(2027);
    assert.equal(holidays.find((holiday) => holiday.name === 'Onze-Lieve-Heer-Hemelvaart')?.date, '2027-05-06');
    assert.equal(holidays.find((holiday) => holiday.name === 'Pinkstermaandag')?.date, '2027-05-17');
    assert.equal(belgianPublicHolidays(2026).find((holiday) => holiday.name === 'Pinkstermaandag')?.date, '2026-05-25');
  });

  it('lists the ten legal holidays, the fixed ones on their dates, in order', () => {
    const dates = belgianPublicHolidays(2028).map((holiday) => holiday.date);
    assert.equal(dates.length, 10);
    assert.deepEqual([...dates].sort(), dates);
    for (const monthDay of ['01-01', '05-01', '07-21', '08-15', '11-01', '11-11', '12-25']) assert.ok(dates.includes(`2028-${monthDay}`), monthDay);
    assert.equal(isBelgianPublicHoliday('2027-07-22'), false);
  });
});
