import { escapeHtml, type Language } from './templates.ts';
import type { TimelineEntry } from './timeline.ts';

export type CustomerVisibleEntry = Extract<TimelineEntry, { type: 'description' | 'reply' | 'inbound_message' }>;

const CUSTOMER_VISIBLE_TYPES: ReadonlySet<TimelineEntry['type']> = new Set(['description', 'reply', 'inbound_message']);

/**
 * Whether the customer may see an entry: the one test every path that builds mail content
 * applies. Both the type and the visibility must say so, so a note stored with the wrong
 * visibility (or a public entry type added later) never reaches a customer by accident.
 */
export const isCustomerVisible = (entry: TimelineEntry): entry is CustomerVisibleEntry =>
  CUSTOMER_VISIBLE_TYPES.has(entry.type) && entry.visibility === 'public';

export interface CaseHistoryOptions {
  language: Language;
  /** IANA zone the dates are written in, e.g. `Europe/Warsaw`. */
  timeZone: string;
  /** Only entries before this sequence number: the reply that carries the block is itself on the timeline. */
  beforeSeq?: number;
}

const LABELS: Record<Language, { heading: string; staff: string; customer: string }> = {
  pl: { heading: 'Historia zgłoszenia', staff: 'Zespół obsługi', customer: 'Klient' },
  en: { heading: 'Case history', staff: 'Support team', customer: 'Customer' },
};

/**
 * `2026-11-25 11:00 UTC+1`: the same in every language and unambiguous without a locale. The
 * offset is worked out here because ICU builds disagree on how they name it (`GMT`, `GMT+0`).
 */
function formatDate(iso: string, timeZone: string): string {
  const instant = new Date(iso).getTime();
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  const wallClock = Date.UTC(Number(part('year')), Number(part('month')) - 1, Number(part('day')), Number(part('hour')), Number(part('minute')));
  const offset = Math.round((wallClock - Math.floor(instant / 60_000) * 60_000) / 60_000);
  const zone = offset === 0 ? 'UTC' : `UTC${offset < 0 ? '-' : '+'}${Math.floor(Math.abs(offset) / 60)}${Math.abs(offset) % 60 === 0 ? '' : `:${String(Math.abs(offset) % 60).padStart(2, '0')}`}`;
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')} ${zone}`;
}

// Staff ids are internal (a Cognito subject, a robot's client id), so a nameless author is shown
// by role. One line, so that a name cannot start lines of its own in the text block.
function author(entry: CustomerVisibleEntry, language: Language): string {
  const name = (entry.type === 'inbound_message' && entry.from ? entry.from : (entry.actor.name ?? '')).replace(/\s+/g, ' ').trim();
  if (name !== '') return name;
  return entry.actor.kind === 'customer' ? LABELS[language].customer : LABELS[language].staff;
}

/**
 * The "include case history" block appended to a reply, as plain text and as an HTML fragment:
 * the customer-visible entries (see {@link isCustomerVisible}), newest first, each with its date
 * and author. Notes, field changes and system entries never appear. Empty strings when there is
 * nothing to show.
 */
export function caseHistory(entries: readonly TimelineEntry[], options: CaseHistoryOptions): { text: string; html: string } {
  const shown = entries
    .filter(isCustomerVisible)
    .filter((entry) => options.beforeSeq === undefined || entry.seq < options.beforeSeq)
    .sort((a, b) => b.seq - a.seq)
    .map((entry) => ({ heading: `${formatDate(entry.at, options.timeZone)}, ${author(entry, options.language)}`, body: entry.text.replace(/\r\n?/g, '\n') }));
  if (shown.length === 0) return { text: '', html: '' };

  const heading = LABELS[options.language].heading;
  const text = [
    `----- ${heading} -----`,
    ...shown.map(({ heading: line, body }) => [`${line}:`, ...body.split('\n').map((l) => (l === '' ? '>' : `> ${l}`))].join('\n')),
  ].join('\n\n');
  const html = [
    `<div class="case-history"><p><strong>${escapeHtml(heading)}</strong></p>`,
    ...shown.map(
      ({ heading: line, body }) =>
        `<p>${escapeHtml(line)}:</p><blockquote style="margin:0 0 1em 0.8ex;border-left:1px solid #ccc;padding-left:1ex">${escapeHtml(body).replace(/\n/g, '<br>\n')}</blockquote>`,
    ),
    '</div>',
  ].join('\n');
  return { text, html };
}
