import { Briefing, BriefingAcknowledgement, BriefingInput, BriefingStatus, Id, page } from '@blauw/core';
import { z } from 'zod/mini';
import { DomainError } from '../domain/domain-error.js';
import { PageQuery } from './query-params.js';
import { defineRoute, problemSpec, type Route } from './route.js';

// Operational briefings: supervisors publish them for a team or a shift and follow who
// acknowledged; officers list the current ones for them and acknowledge each.

const ok = <T>(body: T) => ({ status: 200, body });

/** Path parameters of `/v1/briefings/:briefingId/…`. */
export const BriefingParams = z.object({ briefingId: Id });

const noPart = problemSpec('The caller is signed in but takes no part in messaging (`forbidden`).');

/** Routes of briefings and their acknowledgements. */
export const briefingRoutes: Route[] = [
  defineRoute({
    method: 'get',
    path: '/v1/briefings',
    operationId: 'listBriefings',
    summary: 'List the briefings for the signed-in user',
    description:
      'For an officer: the current briefings (`validFrom` ≤ now < `validUntil`) of their team or shift, those not acknowledged first, then ' +
      'urgent ones, then newest first, each with the officer’s `acknowledgedAt`. For a supervisor: the briefings they published that have ' +
      'not ended, newest first.',
    tag: 'Briefings',
    auth: 'officer',
    query: PageQuery,
    responses: { 200: { description: 'A page of briefings.', schema: page(Briefing) }, 403: noPart },
    handle: ({ zone, principal, query }) => ok(zone.briefings.list(zone.messaging.directory.participantOf(principal), query)),
  }),
  defineRoute({
    method: 'post',
    path: '/v1/briefings',
    operationId: 'publishBriefing',
    summary: 'Publish a briefing for a team or a shift (supervisors)',
    description: 'The officers of the team or shift get `briefing.published` on their stream, and see it in their list while it is valid.',
    tag: 'Briefings',
    auth: 'supervisor',
    body: BriefingInput,
    responses: {
      201: { description: 'The briefing was published.', schema: Briefing },
      422: problemSpec(
        'No such team or shift (`briefing_audience_unknown`); `validUntil` not after `validFrom`, in the past or more than 31 days after it ' +
          '(`briefing_validity_invalid`); or the Idempotency-Key was reused (`idempotency_key_reused`).',
      ),
    },
    handle: ({ zone, principal, body }) => ({ status: 201, body: zone.briefings.publish(zone.messaging.directory.participantOf(principal), body) }),
  }),
  defineRoute({
    method: 'post',
    path: '/v1/briefings/:briefingId/acknowledgements',
    operationId: 'acknowledgeBriefing',
    summary: 'Acknowledge a briefing (officers)',
    description:
      'Idempotent: the first acknowledgement answers 201 and tells the publisher’s stream (`briefing.acknowledged`); another answers 200 with the first.',
    tag: 'Briefings',
    auth: 'officer',
    params: BriefingParams,
    responses: {
      201: { description: 'Acknowledged now.', schema: BriefingAcknowledgement },
      200: { description: 'Acknowledged before: the first acknowledgement.', schema: BriefingAcknowledgement },
      403: problemSpec('The caller is not an officer (`forbidden`).'),
      404: problemSpec('No such briefing, or not one for the officer’s team or shift (`briefing_not_found`).'),
    },
    handle: ({ zone, principal, params }) => {
      const officerId = principal.kind === 'session' ? principal.session.officerId : undefined;
      if (officerId === undefined) throw new DomainError('forbidden', 'forbidden', 'Briefings are acknowledged by officers; sign in as one.');
      const outcome = zone.briefings.acknowledge(officerId, params.briefingId);
      return { status: outcome.replayed ? 200 : 201, body: outcome.acknowledgement };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/briefings/:briefingId/status',
    operationId: 'getBriefingStatus',
    summary: 'Who acknowledged a briefing, per team (supervisors)',
    tag: 'Briefings',
    auth: 'supervisor',
    params: BriefingParams,
    responses: {
      200: { description: 'Per team: who acknowledged (earliest first) and who has not.', schema: BriefingStatus },
      404: problemSpec('No such briefing (`briefing_not_found`).'),
    },
    handle: ({ zone, params }) => ok(zone.briefings.status(params.briefingId)),
  }),
];
