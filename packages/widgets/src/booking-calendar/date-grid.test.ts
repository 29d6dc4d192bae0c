import { expect } from '@open-wc/testing';
import { addMonths, dayForKey, monthRange, monthWeeks, weekday } from './date-grid.js';

describe('date grid rules', () => {
  it('starts weeks on Monday and pads the month with empty cells', () => {
    const weeks = monthWeeks('2026-03');
    // 1 March 2026 is a Sunday: six empty cells before it; 31 March is a Tuesday.
    expect(weeks[0]).to.deep.equal([null, null, null, null, null, null, '2026-03-01']);
    expect(weeks.at(-1)).to.deep.equal(['2026-03-30', '2026-03-31', null, null, null, null, null]);
    expect(weekday('2026-03-30')).to.equal(0);
  });

  it('knows the last day of each month, also in a leap year', () => {
    expect(monthRange('2028-02')).to.deep.equal(['2028-02-01', '2028-02-29']);
    expect(monthRange('2026-12')).to.deep.equal(['2026-12-01', '2026-12-31']);
  });

  it('moves by month to the same day, or the month’s last day', () => {
    expect(addMonths('2026-01-31', 1)).to.equal('2026-02-28');
    expect(addMonths('2026-03-31', -1)).to.equal('2026-02-28');
    expect(addMonths('2026-12-15', 1)).to.equal('2027-01-15');
  });

  it('maps keys to days as the WAI-ARIA date picker does', () => {
    const wednesday = '2026-03-25';
    expect(dayForKey(wednesday, 'ArrowLeft')).to.equal('2026-03-24');
    expect(dayForKey(wednesday, 'ArrowRight')).to.equal('2026-03-26');
    expect(dayForKey(wednesday, 'ArrowUp')).to.equal('2026-03-18');
    expect(dayForKey(wednesday, 'ArrowDown')).to.equal('2026-04-01');
    expect(dayForKey(wednesday, 'Home')).to.equal('2026-03-23');
    expect(dayForKey(wednesday, 'End')).to.equal('2026-03-29');
    expect(dayForKey(wednesday, 'PageUp')).to.equal('2026-02-25');
    expect(dayForKey(wednesday, 'PageDown', true)).to.equal('2027-03-25');
    expect(dayForKey(wednesday, 'a')).to.equal(undefined);
  });

  it('does not shift days across the change to summer time', () => {
    expect(dayForKey('2026-03-28', 'ArrowRight')).to.equal('2026-03-29');
    expect(dayForKey('2026-03-29', 'ArrowRight')).to.equal('2026-03-30');
  });
});
