import { describe, expect, it } from 'vitest';
import { CaseSchema, ResolutionMethodSchema, WaitSchema } from '../../functions/domain/case.ts';
import { describeChange } from '../../web/console/field-change.ts';
import { MESSAGES } from '../../web/console/messages.ts';
import { translator } from '../../web/shared/i18n.ts';

const TRACKED = ['status', 'assigneeId', 'delegatedBy', 'title', 'type', 'category', 'priority', 'slaLevel', 'customStatusId', 'customerId', 'inbox', 'externalId', 'contacts', 'wait', 'resolution', 'links'] as const;

const words = (language: 'en' | 'pl') => {
  const { t, dateTime } = translator(language, MESSAGES, 'Europe/Warsaw');
  return { t, dateTime, nameOf: (id: string) => (id === 'agent-ala' ? 'Ala Nowak' : id) };
};
const change = (field: (typeof TRACKED)[number], from: unknown, to: unknown) => ({ field, from, to });

describe('a field change on the console timeline', () => {
  it('names every field the domain records, in both languages', () => {
    for (const language of ['en', 'pl'] as const) {
      for (const field of TRACKED) {
        expect(CaseSchema.shape).toHaveProperty(field);
        expect(describeChange(change(field, null, null), words(language)).field).not.toMatch(/^field\./);
      }
    }
  });

  it('shows statuses, priorities and agents as the console does elsewhere', () => {
    expect(describeChange(change('status', 'new', 'in_progress'), words('pl'))).toEqual({ field: 'Status', from: 'Nowa', to: 'W toku' });
    expect(describeChange(change('priority', 'normal', 'urgent'), words('en'))).toMatchObject({ from: 'normal', to: 'urgent' });
    expect(describeChange(change('assigneeId', null, 'agent-ala'), words('en'))).toEqual({ field: 'Assignee', from: '—', to: 'Ala Nowak' });
  });

  it('says what a case waits for and until when, never its JSON', () => {
    const more = describeChange(change('wait', null, { kind: 'more_info', days: 3, closeIfNoReply: true, until: '2026-11-28T09:00:00.000Z' }), words('en'));
    const split = describeChange(change('wait', { kind: 'split', since: '2026-11-25T09:00:00.000Z' }, null), words('pl'));

    expect(more.to).toMatch(/^for more information until .*2026/);
    expect(more.to).not.toContain('{');
    expect(split).toEqual({ field: 'Oczekiwanie', from: 'na sprawy, na które ją rozdzielono', to: '—' });
  });

  it('has words for every kind of wait and every resolution method', () => {
    const waits = WaitSchema.options.map((option) => option.shape.kind.value);
    for (const kind of waits) {
      const wait = { kind, until: '2026-11-28T09:00:00.000Z', since: '2026-11-25T09:00:00.000Z', days: 1, closeIfNoReply: false, caseId: 'x' };
      expect(describeChange(change('wait', null, wait), words('pl')).to).not.toMatch(/waitKind|\{/);
    }
    for (const method of ResolutionMethodSchema.options) {
      expect(describeChange(change('resolution', null, { method, at: '2026-11-25T09:00:00.000Z', by: 'agent-ala', entrySeq: null }), words('en')).to).not.toMatch(/^method\./);
    }
  });

  it('lists related cases by number, and a merge\'s record of what to restore is not shown', () => {
    const merged = { kind: 'merged_into', caseId: 'c2', number: 2077, restore: { status: 'in_progress', wait: null, timer: null } };

    expect(describeChange(change('links', [{ kind: 'split_from', caseId: 'c1', number: 12 }], [{ kind: 'split_from', caseId: 'c1', number: 12 }, merged]), words('en'))).toEqual({
      field: 'Related cases',
      from: 'Split from #12',
      to: 'Split from #12, Merged into #2077',
    });
  });

  it('shows contacts as people, with the requester when it differs and those in copy', () => {
    const before = { primaryContact: { email: 'jan@example.com', name: 'Jan Kowalski' }, requester: { email: 'jan@example.com' } };
    const after = { ...before, requester: { email: 'szef@example.com' }, cc: [{ email: 'ewa@example.com' }] };

    expect(describeChange(change('contacts', before, after), words('en'))).toMatchObject({
      from: 'Jan Kowalski <jan@example.com>',
      to: 'Jan Kowalski <jan@example.com>; requester szef@example.com; in copy ewa@example.com',
    });
  });
});
