import { describe, expect, it } from 'vitest';
import { PUBLIC_TIMELINE_ENTRIES, publicCaseView } from '../../../functions/domain/public-case.ts';
import { regeneratePublicLink } from '../../../functions/domain/public-link.ts';
import type { TimelineEntry } from '../../../functions/domain/timeline.ts';
import { ForbiddenError, InvalidTransitionError } from '../../../functions/domain/errors.ts';
import { aCase, agent, ctx, robot } from '../../fixtures/cases.ts';

const at = '2026-11-25T09:00:00.000Z';
const WAIT = { kind: 'follow_up' as const, until: '2026-11-28T09:00:00.000Z' };
const TIMER = { purpose: 'wait' as const, dueAt: '2026-11-28T09:00:00.000Z', generation: 1 };
const ala = { kind: 'agent' as const, id: 'agent-ala', name: 'Ala' };
const jan = { kind: 'customer' as const, id: 'customer-1', name: 'Jan <jan@example.com>' };

const conversation: TimelineEntry[] = [
  { seq: 1, at, actor: jan, type: 'description', visibility: 'public', text: 'The printer jams.' },
  { seq: 2, at, actor: ala, type: 'note', visibility: 'internal', text: 'owes us money', templateId: null },
  { seq: 3, at, actor: ala, type: 'field_change', visibility: 'internal', changes: [{ field: 'assigneeId', from: null, to: 'agent-ala' }] },
  {
    seq: 4, at, actor: ala, type: 'reply', visibility: 'public', subject: null, text: 'A technician comes tomorrow.', templateId: null,
    fromMailbox: 'support@acme.example', to: ['jan@example.com', 'boss@example.com'], includeHistory: false, delivery: 'sent',
    attachments: [{ key: 'outbound/x/y', filename: 'visit.pdf', contentType: 'application/pdf' }],
  },
  { seq: 5, at, actor: { kind: 'system', id: 'timers' }, type: 'system', visibility: 'internal', event: 'timer_fired', detail: 'auto-close armed' },
  {
    seq: 6, at, actor: jan, type: 'inbound_message', visibility: 'public', text: 'Thanks!', channel: 'email', from: 'jan@example.com',
    mail: {
      mailbox: 'support@acme.example', messageId: '<m@x>', subject: 'Re', rawKey: 'raw/1', fullTextKey: null, htmlKey: null, automatic: null,
      attachments: [
        { filename: 'photo.jpg', contentType: 'image/jpeg', size: 1, sha256: 'a', key: 'k1', inline: false, contentId: null, quarantined: false },
        { filename: 'logo.png', contentType: 'image/png', size: 1, sha256: 'b', key: 'k2', inline: true, contentId: 'logo', quarantined: false },
        { filename: 'virus.exe', contentType: 'application/octet-stream', size: 1, sha256: 'c', key: 'k3', inline: false, contentId: null, quarantined: true },
      ],
    },
  },
];

describe('publicCaseView', () => {
  it('keeps the public conversation, oldest first, with no address, id or internal entry', () => {
    const view = publicCaseView(aCase({ status: 'answered', assigneeId: 'agent-ala', delegatedBy: 'agent-ewa' }), [...conversation].reverse());

    expect(view).toEqual({
      number: aCase().number,
      title: aCase().title,
      status: 'ANSWER RECEIVED',
      open: true,
      createdAt: aCase().createdAt,
      timeline: [
        { seq: 1, at, from: 'customer', author: null, text: 'The printer jams.', files: [] },
        { seq: 4, at, from: 'helpdesk', author: 'Ala', text: 'A technician comes tomorrow.', files: ['visit.pdf'] },
        { seq: 6, at, from: 'customer', author: null, text: 'Thanks!', files: ['photo.jpg'] },
      ],
    });
  });

  it(`shows the newest ${PUBLIC_TIMELINE_ENTRIES} public entries`, () => {
    const many: TimelineEntry[] = Array.from({ length: 60 }, (_, i) => ({ seq: 60 - i, at, actor: jan, type: 'description', visibility: 'public', text: `#${60 - i}` }));

    const view = publicCaseView(aCase(), many)!;

    expect(view.timeline.map((e) => e.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 11));
  });

  it('is null for a draft, which customers never see, and says when a case is closed', () => {
    expect(publicCaseView(aCase({ status: 'draft' }), [])).toBeNull();
    expect(publicCaseView(aCase({ status: 'closed' }), [])).toMatchObject({ status: 'CLOSED', open: false });
  });
});

describe('regeneratePublicLink', () => {
  it('raises the link generation and says so on the timeline, leaving the status', () => {
    const outcome = regeneratePublicLink(aCase({ status: 'waiting', assigneeId: 'agent-ala', linkGeneration: 2, wait: WAIT, timer: TIMER, timerGeneration: 1 }), ctx(agent()));

    expect(outcome.case).toMatchObject({ status: 'waiting', linkGeneration: 3, wait: WAIT, timer: TIMER });
    expect(outcome.entries).toEqual([expect.objectContaining({ type: 'system', event: 'public_link_regenerated', visibility: 'internal' })]);
  });

  it('is for people only, and not for a draft', () => {
    expect(() => regeneratePublicLink(aCase({ status: 'new' }), ctx(robot()))).toThrow(ForbiddenError);
    expect(() => regeneratePublicLink(aCase({ status: 'draft' }), ctx(agent()))).toThrow(InvalidTransitionError);
  });
});
