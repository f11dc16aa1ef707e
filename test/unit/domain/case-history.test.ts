import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseHistory, isCustomerVisible } from '../../../functions/domain/case-history.ts';
import type { TimelineEntry } from '../../../functions/domain/timeline.ts';

type Entry<T extends TimelineEntry['type']> = Extract<TimelineEntry, { type: T }>;

const customerActor = { kind: 'customer' as const, id: 'customer-1', name: 'Jan Kowalski' };
const agentActor = { kind: 'agent' as const, id: 'agent-ala', name: 'Ala Nowak' };

const description = (seq: number, at: string, text: string): Entry<'description'> => ({ seq, at, actor: customerActor, type: 'description', visibility: 'public', text });
const reply = (seq: number, at: string, text: string, actor: Entry<'reply'>['actor'] = agentActor): Entry<'reply'> => ({
  seq, at, actor, type: 'reply', visibility: 'public', subject: null, text, templateId: null,
  fromMailbox: 'support@acme.example', to: ['jan@example.com'], includeHistory: true, delivery: 'sent',
});
const inbound = (seq: number, at: string, text: string, from: string | null): Entry<'inbound_message'> => ({
  seq, at, actor: customerActor, type: 'inbound_message', visibility: 'public', text, channel: 'email', from,
});
const note = (seq: number, at: string, text: string): Entry<'note'> => ({ seq, at, actor: agentActor, type: 'note', visibility: 'internal', text, templateId: null });
const fieldChange = (seq: number, at: string, to: string): Entry<'field_change'> => ({
  seq, at, actor: agentActor, type: 'field_change', visibility: 'internal', changes: [{ field: 'title', from: 'old', to }],
});
const system = (seq: number, at: string, detail: string): Entry<'system'> => ({
  seq, at, actor: { kind: 'system', id: 'timer' }, type: 'system', visibility: 'internal', event: 'timer_fired', detail,
});

const EN = { language: 'en', timeZone: 'UTC' } as const;

describe('isCustomerVisible', () => {
  it.each<[string, TimelineEntry, boolean]>([
    ['the description', description(1, '2026-11-24T08:00:00.000Z', 'x'), true],
    ['a reply', reply(2, '2026-11-24T08:00:00.000Z', 'x'), true],
    ['an inbound message', inbound(3, '2026-11-24T08:00:00.000Z', 'x', null), true],
    ['a note', note(4, '2026-11-24T08:00:00.000Z', 'x'), false],
    ['a field change', fieldChange(5, '2026-11-24T08:00:00.000Z', 'x'), false],
    ['a system entry', system(6, '2026-11-24T08:00:00.000Z', 'x'), false],
    ['a note stored as public by mistake', { ...note(7, '2026-11-24T08:00:00.000Z', 'x'), visibility: 'public' } as unknown as TimelineEntry, false],
    ['a reply stored as internal by mistake', { ...reply(8, '2026-11-24T08:00:00.000Z', 'x'), visibility: 'internal' } as unknown as TimelineEntry, false],
  ])('says whether the customer may see %s', (_name, entry, visible) => {
    expect(isCustomerVisible(entry)).toBe(visible);
  });
});

describe('caseHistory', () => {
  it('lists the public entries newest first with date and author, as text', () => {
    const entries: TimelineEntry[] = [
      description(1, '2026-11-24T08:00:00.000Z', 'Printer jams.'),
      note(2, '2026-11-24T09:00:00.000Z', 'Toner is fine'),
      reply(3, '2026-11-24T10:30:00.000Z', 'Please send a photo.\n\nThanks'),
      inbound(4, '2026-11-25T07:15:00.000Z', 'Photo attached.', 'Jan Kowalski <jan@example.com>'),
    ];

    const { text } = caseHistory(entries, EN);

    expect(text).toBe(
      [
        '----- Case history -----',
        '',
        '2026-11-25 07:15 UTC, Jan Kowalski <jan@example.com>:',
        '> Photo attached.',
        '',
        '2026-11-24 10:30 UTC, Ala Nowak:',
        '> Please send a photo.',
        '>',
        '> Thanks',
        '',
        '2026-11-24 08:00 UTC, Jan Kowalski:',
        '> Printer jams.',
      ].join('\n'),
    );
  });

  it.each([
    ['Europe/Warsaw', '2026-01-15T23:30:00.000Z', '2026-01-16 00:30 UTC+1'],
    ['Asia/Kolkata', '2026-01-15T23:30:00.000Z', '2026-01-16 05:00 UTC+5:30'],
    ['America/New_York', '2026-01-15T03:00:00.000Z', '2026-01-14 22:00 UTC-5'],
    ['UTC', '2026-01-15T10:00:00+02:00', '2026-01-15 08:00 UTC'],
  ])('writes a date in %s with its offset', (timeZone, at, shown) => {
    const entries = [description(1, at, 'x')];

    const { text } = caseHistory(entries, { ...EN, timeZone });

    expect(text).toContain(`${shown}, Jan Kowalski:`);
  });

  it('writes dates in the given time zone and labels in the given language', () => {
    const entries = [reply(1, '2026-07-01T10:00:00.000Z', 'Gotowe.', { kind: 'agent', id: 'cognito-sub-123' })];

    const { text } = caseHistory(entries, { language: 'pl', timeZone: 'Europe/Warsaw' });

    expect(text).toBe('----- Historia zgłoszenia -----\n\n2026-07-01 12:00 UTC+2, Zespół obsługi:\n> Gotowe.');
  });

  it('names a nameless customer by role and never shows a staff id', () => {
    const entries: TimelineEntry[] = [
      { ...description(1, '2026-11-24T08:00:00.000Z', 'Hi'), actor: { kind: 'customer', id: 'customer-1' } },
      reply(2, '2026-11-24T09:00:00.000Z', 'Hello', { kind: 'robot', id: 'robot-client-id' }),
    ];

    const { text, html } = caseHistory(entries, EN);

    expect(text).toContain('UTC, Customer:');
    expect(text).toContain('UTC, Support team:');
    expect(`${text}${html}`).not.toMatch(/customer-1|robot-client-id/);
  });

  it('escapes the HTML of texts and authors', () => {
    const entries = [inbound(1, '2026-11-24T08:00:00.000Z', '<script>alert("x")</script> & more\nline 2', '"Eve" <eve@example.com>')];

    const { html } = caseHistory(entries, EN);

    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more<br>\nline 2');
    expect(html).toContain('&quot;Eve&quot; &lt;eve@example.com&gt;');
    expect(html).not.toContain('<script>');
  });

  it('leaves out the reply that carries the block and anything after it', () => {
    const entries = [description(1, '2026-11-24T08:00:00.000Z', 'Question'), reply(2, '2026-11-24T09:00:00.000Z', 'This reply'), inbound(3, '2026-11-24T10:00:00.000Z', 'Later', null)];

    const { text } = caseHistory(entries, { ...EN, beforeSeq: 2 });

    expect(text).toContain('Question');
    expect(text).not.toMatch(/This reply|Later/);
  });

  it('is empty when nothing is public', () => {
    const entries = [note(1, '2026-11-24T08:00:00.000Z', 'secret'), system(2, '2026-11-24T09:00:00.000Z', 'auto-closed')];

    expect(caseHistory(entries, EN)).toEqual({ text: '', html: '' });
  });
});

describe('caseHistory over generated timelines', () => {
  // Internal content carries a marker public content cannot contain, so any leak is visible.
  const MARKER = 'INTERNAL-';
  const publicText = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !s.includes(MARKER));
  const internalText = fc.tuple(fc.string({ maxLength: 20 }), fc.nat()).map(([s, n]) => `${s}<b>${MARKER}${n}</b>${s}`);
  const at = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
  const actorName = fc.option(publicText, { nil: undefined });

  const publicEntry = fc.oneof(
    fc.tuple(at, publicText).map(([when, text]) => description(0, when, text)),
    fc.tuple(at, publicText, actorName).map(([when, text, name]) => reply(0, when, text, { kind: 'agent', id: 'agent-ala', ...(name === undefined ? {} : { name }) })),
    fc.tuple(at, publicText, fc.option(publicText, { nil: null })).map(([when, text, from]) => inbound(0, when, text, from)),
  );
  const internalEntry = fc.oneof(
    fc.tuple(at, internalText, internalText).map(([when, text, name]): TimelineEntry => ({ ...note(0, when, text), actor: { kind: 'agent', id: 'agent-ewa', name } })),
    fc.tuple(at, internalText).map(([when, to]) => fieldChange(0, when, to)),
    fc.tuple(at, internalText).map(([when, detail]) => system(0, when, detail)),
  );
  const timeline = fc
    .array(fc.oneof(publicEntry, internalEntry), { maxLength: 30 })
    .map((entries) => entries.map((entry, index): TimelineEntry => ({ ...entry, seq: index + 1 })));

  it('never shows anything of a note, field change or system entry', () => {
    fc.assert(
      fc.property(timeline, (entries) => {
        const { text, html } = caseHistory(entries, EN);

        expect(text).not.toContain(MARKER);
        expect(html).not.toContain(MARKER);
      }),
    );
  });

  it('shows every public entry once, newest first', () => {
    fc.assert(
      fc.property(timeline, (entries) => {
        const { text } = caseHistory(entries, EN);

        const headings = text.split('\n').filter((line) => /^\d{4}-\d\d-\d\d \d\d:\d\d UTC, /.test(line));
        const expected = entries.filter((e) => e.visibility === 'public').reverse();
        expect(headings).toHaveLength(expected.length);
        expected.forEach((entry, i) => expect(headings[i]!.startsWith(`${entry.at.slice(0, 10)} ${entry.at.slice(11, 16)} UTC, `)).toBe(true));
      }),
    );
  });
});
