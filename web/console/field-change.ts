import type { CaseView, TimelineEntryView } from '../shared/api-types.ts';
import type { Translator } from '../shared/i18n.ts';
import { contactText, linkedCaseText } from './reference-text.ts';

type FieldChange = Extract<TimelineEntryView, { type: 'field_change' }>['changes'][number];
type Wait = NonNullable<CaseView['wait']>;
type Contacts = CaseView['contacts'];

export interface ChangeWords {
  t: Translator['t'];
  dateTime: Translator['dateTime'];
  nameOf: (agentId: string) => string;
}

/** A recorded field change in the agent's words: the field's name, and each value as the console shows it elsewhere. */
export function describeChange(change: FieldChange, words: ChangeWords): { field: string; from: string; to: string } {
  return { field: words.t(`field.${change.field}`), from: valueOf(change.field, change.from, words), to: valueOf(change.field, change.to, words) };
}

function valueOf(field: FieldChange['field'], value: unknown, words: ChangeWords): string {
  if (value === null || value === undefined || value === '') return '—';
  const { t, nameOf } = words;
  switch (field) {
    case 'assigneeId':
    case 'delegatedBy':
      return nameOf(String(value));
    case 'status':
      return t(`status.${String(value)}`);
    case 'priority':
      return t(`priority.${String(value)}`);
    case 'wait':
      return waitOf(value as Wait, words);
    case 'resolution':
      return t(`method.${(value as { method: string }).method}`);
    case 'links':
      return linksOf(value as CaseView['links'], t);
    case 'contacts':
      return contactsOf(value as Contacts, t);
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

function waitOf(wait: Wait, { t, dateTime }: ChangeWords): string {
  switch (wait.kind) {
    case 'more_info':
      return t('waitKind.more_info', { until: dateTime(wait.until) });
    case 'follow_up':
      return t('waitKind.follow_up', { until: dateTime(wait.until) });
    case 'split':
      return t('waitKind.split');
    case 'spawned_case':
      return t('waitKind.spawned_case');
  }
}

const linksOf = (links: CaseView['links'], t: Translator['t']): string =>
  links.length === 0 ? '—' : links.map((link) => `${t(`link.${link.kind}`)} ${linkedCaseText(link, t)}`).join(', ');

function contactsOf(contacts: Contacts, t: Translator['t']): string {
  const parts = [contacts.primaryContact ? contactText(contacts.primaryContact) : '—'];
  if (contacts.requester && contacts.requester.email !== contacts.primaryContact?.email) parts.push(t('field.requester', { person: contactText(contacts.requester) }));
  if (contacts.cc && contacts.cc.length > 0) parts.push(t('field.cc', { people: contacts.cc.map(contactText).join(', ') }));
  return parts.join('; ');
}
