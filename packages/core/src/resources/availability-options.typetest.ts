// Compiled by `npm run typecheck`, never run: pins that `availability` refuses, at compile time,
// options naming neither an office nor an officer. If the union in AvailabilityOptions is
// loosened, the `@ts-expect-error` below has nothing to expect and the typecheck fails.
import type { CitizenBookingResource } from './booking.js';

declare const booking: CitizenBookingResource;
declare const chosen: { officeId: string } | { officerId: string };
const month = { topicId: 't-1', from: '2027-03-01', to: '2027-03-31' };

// @ts-expect-error neither officeId nor officerId
booking.availability({ topicId: 't-1', from: '2027-03-01', to: '2027-03-31' });
// @ts-expect-error an officeId that may be missing is not one
booking.availability({ ...month, officeId: undefined });

booking.availability({ ...month, officeId: 'o-1' });
booking.availability({ ...month, officerId: 'a-1' });
// Both: the officer's slots, checked by the server to be at that office.
booking.availability({ ...month, officeId: 'o-1', officerId: 'a-1' });
// As the booking widget builds it: whichever the citizen chose.
booking.availability({ ...month, ...chosen, signal: AbortSignal.timeout(1_000) });
