// Compiled by `npm run typecheck`, never run: pins the shape of the list methods: one page when
// called, every item from `.all()`, no `cursor` for `.all()`, required filters still required.
import type { Municipality, Office, OfficeClosure, Topic } from '../schemas/zone.js';
import type { Page } from '../schemas/common.js';
import type { CitizenBookingResource } from './booking.js';
import type { ZoneResource } from './zone.js';

declare const zone: ZoneResource;
declare const booking: CitizenBookingResource;

export const onePage: Promise<Page<Office>> = zone.offices({ municipalityId: 'm-gent', cursor: 'c', limit: 10 });
export const firstPage: Promise<Page<Municipality>> = zone.municipalities();
export const everyOffice: AsyncIterableIterator<Office> = zone.offices.all({ municipalityId: 'm-gent', limit: 50 });
export const everyTopic: AsyncIterableIterator<Topic> = booking.topics.all();

// No `this` to lose.
const { closures } = zone;
export const everyClosure: AsyncIterableIterator<OfficeClosure> = closures.all({ officeId: 'o-1' });

// @ts-expect-error `.all()` starts at the first page: no cursor
zone.offices.all({ cursor: 'c' });
// @ts-expect-error not even one from a variable
zone.topics.all({ cursor: 'c' as string });
// @ts-expect-error closures need the office
closures.all();
// @ts-expect-error closures need the office
closures({ limit: 5 });
