import { messagingSeed } from '../seed/messaging-seed.js';
import type { ZoneData } from '../seed/zone-seed.js';
import { BriefingDesk } from './briefings.js';
import type { CheckPhotoStore } from './check-photos.js';
import type { Clock } from './clock.js';
import { MessagingJournal } from './messaging-journal.js';
import { MessagingDesk, MessagingDirectory } from './messaging.js';
import { addDays, dateInZone, formatZoned, zonedTimeToInstant } from './zoned-time.js';

/** The messaging and briefing desks of a zone, sharing one directory and one journal. */
export interface MessagingSetup {
  messaging: MessagingDesk;
  briefings: BriefingDesk;
  /** Restores the seeded conversations and briefings from a zone's data; the journal's ids go on. */
  reset(data: ZoneData): void;
}

/**
 * Builds the messaging and briefing desks from the seeded zone. The journal's ids start above the
 * clock's start in seconds × 10⁶, so a restarted server never resumes a client into another history.
 */
export function createMessaging(options: { data: ZoneData; clock: Clock; photos: CheckPhotoStore }): MessagingSetup {
  const { clock, photos } = options;
  const startSeconds = Math.floor(clock.now().getTime() / 1000);
  const base = Number.isSafeInteger(startSeconds * 1_000_000) && startSeconds > 0 ? startSeconds * 1_000_000 : 0;
  const journal = new MessagingJournal({ base });
  let desks: { messaging: MessagingDesk; briefings: BriefingDesk } | undefined;
  const build = (data: ZoneData) => {
    const seed = messagingSeed(data.officers, data.tokens);
    const directory = new MessagingDirectory(data.officers, seed);
    const timeZone = data.timeZone;
    const messaging = new MessagingDesk({ clock, timeZone, directory, journal, photos });
    messaging.replace(seed);
    const briefings = new BriefingDesk({ clock, timeZone, directory, journal });
    const supervisor = seed.supervisors[0] === undefined ? undefined : directory.get(seed.supervisors[0].id);
    if (supervisor !== undefined && seed.teams[0] !== undefined) {
      // Today's shift briefing of the first team, from 06:00 today to 06:00 tomorrow.
      const today = dateInZone(clock.now(), timeZone);
      briefings.publish(supervisor, {
        title: 'Aandachtspunten Scheldefeesten',
        text: 'Verhoogd toezicht op de markt vanaf 16 u. Nadarhekken aan de Kerkstraat; parkeerverbod in de Molenstraat.',
        priority: true,
        audience: { kind: 'team', teamId: seed.teams[0].id },
        validFrom: formatZoned(zonedTimeToInstant(today, '06:00', timeZone), timeZone),
        validUntil: formatZoned(zonedTimeToInstant(addDays(today, 1), '06:00', timeZone), timeZone),
        attachments: [{ title: 'Verkeersplan (intranet)', url: 'https://intranet.pz-scheldeland.example/plannen/scheldefeesten.pdf' }],
      });
    }
    return { messaging, briefings };
  };
  desks = build(options.data);
  const current = () => desks as { messaging: MessagingDesk; briefings: BriefingDesk };
  return {
    get messaging() {
      return current().messaging;
    },
    get briefings() {
      return current().briefings;
    },
    reset(data) {
      journal.clear();
      desks = build(data);
    },
  };
}
