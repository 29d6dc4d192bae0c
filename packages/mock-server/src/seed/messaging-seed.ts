import type { Officer, Session } from '@blauw/core';
import { SEED_PHOTO_ID, seedPhotoBytes } from './seed-photo.js';

// The fictional zone's teams, shifts, partner services and first conversations. Data only: the
// messaging desk builds its state from it. Every name and text is made up.

/** A team or a shift: a named group of officers a briefing can be for. */
export interface OfficerGroup {
  id: string;
  name: string;
  officerIds: string[];
}

/** A service that takes part in conversations without signing in here (its dispatch uses its own system). */
export interface ServiceParticipant {
  id: string;
  displayName: string;
}

/** A conversation as seeded. */
export interface SeedConversation {
  id: string;
  kind: 'direct' | 'team' | 'services';
  /** The title; a one-to-one conversation shows the other participant's name instead. */
  title: string;
  participantIds: string[];
  /** Messages already in it: who sent what (photos with their JPEG bytes), how many minutes before the zone's now. */
  messages: { senderId: string; text: string; minutesAgo: number; priority?: boolean; photos?: { id: string; bytes: Uint8Array }[] }[];
}

/** Everything the messaging seed gives. */
export interface MessagingSeed {
  teams: OfficerGroup[];
  shifts: OfficerGroup[];
  services: ServiceParticipant[];
  /** Supervisors by bearer token, with the participant id each is known by. */
  supervisors: { token: string; id: string; displayName: string }[];
  conversations: SeedConversation[];
}

/** The partner services conversations include. */
export const SEED_SERVICES: readonly ServiceParticipant[] = [
  { id: 'svc-brandweer', displayName: 'Brandweerzone Scheldeland – dispatching' },
  { id: 'svc-stadsdiensten', displayName: 'Stadsdiensten Scheldegem – evenementen' },
];

/**
 * The seed of messaging and briefings from the zone's officers and tokens: two teams (the first
 * half of the officers, the dev officer among them, and the rest), three shifts (officers in turn),
 * the supervisors of the tokens (`sup-01`, …), and four conversations: the dev officer one-to-one
 * with the second officer (with a photo of a made-up street), the first team with the supervisor, one between services, and one the
 * dev officer is not in.
 */
export function messagingSeed(officers: readonly Officer[], tokens: ReadonlyMap<string, Session>): MessagingSeed {
  const ids = officers.map((officer) => officer.id);
  const half = Math.ceil(ids.length / 2);
  const teams: OfficerGroup[] = [
    { id: 'team-wijk-noord', name: 'Wijkwerking Noord', officerIds: ids.slice(0, half) },
    { id: 'team-wijk-zuid', name: 'Wijkwerking Zuid', officerIds: ids.slice(half) },
  ];
  const shiftNames = [
    ['shift-early', 'Vroege dienst 06–14'],
    ['shift-late', 'Late dienst 14–22'],
    ['shift-night', 'Nachtdienst 22–06'],
  ] as const;
  const shifts: OfficerGroup[] = shiftNames.map(([id, name], index) => ({ id, name, officerIds: ids.filter((_, position) => position % shiftNames.length === index) }));
  const supervisors = [...tokens.entries()]
    .filter(([, session]) => session.role === 'supervisor' && session.officerId === undefined)
    .map(([token, session], index) => ({ token, id: `sup-${String(index + 1).padStart(2, '0')}`, displayName: session.displayName }));
  const [dev, second, third, fourth] = ids;
  const supervisorId = supervisors[0]?.id;
  const conversations: SeedConversation[] = [];
  if (dev !== undefined && second !== undefined) {
    conversations.push({
      id: 'conv-direct-1',
      kind: 'direct',
      title: '',
      participantIds: [dev, second],
      messages: [
        { senderId: second, text: 'Kan jij morgen de woonstcontrole in de Kerkstraat overnemen?', minutesAgo: 95 },
        { senderId: second, text: 'Dit is nummer 12: de bel werkt niet, klop aan de zijdeur.', minutesAgo: 94, photos: [{ id: SEED_PHOTO_ID, bytes: seedPhotoBytes() }] },
        { senderId: dev, text: 'Ja, ik zet ze op mijn ronde.', minutesAgo: 90 },
      ],
    });
  }
  conversations.push({
    id: 'conv-team-noord',
    kind: 'team',
    title: teams[0]?.name ?? 'Team',
    participantIds: [...(teams[0]?.officerIds ?? []), ...(supervisorId === undefined ? [] : [supervisorId])],
    messages:
      supervisorId === undefined
        ? []
        : [{ senderId: supervisorId, text: 'Briefing van 14 u staat online; graag bevestigen.', minutesAgo: 30, priority: true }],
  });
  if (dev !== undefined && third !== undefined) {
    conversations.push({
      id: 'conv-services-feesten',
      kind: 'services',
      title: 'Scheldefeesten – veiligheidscel',
      participantIds: [dev, third, ...SEED_SERVICES.map((service) => service.id)],
      messages: [{ senderId: 'svc-stadsdiensten', text: 'Nadarhekken aan de markt staan klaar vanaf 16 u.', minutesAgo: 60 }],
    });
  }
  if (second !== undefined && fourth !== undefined) {
    conversations.push({ id: 'conv-direct-2', kind: 'direct', title: '', participantIds: [second, fourth], messages: [{ senderId: fourth, text: 'Dank je voor gisteren.', minutesAgo: 200 }] });
  }
  return { teams, shifts, services: [...SEED_SERVICES], supervisors, conversations };
}
