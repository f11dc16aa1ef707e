import type { CaseView } from '../shared/api-types.ts';
import type { Translator } from '../shared/i18n.ts';

type Contact = NonNullable<CaseView['contacts']['primaryContact']>;

/** A person as the console writes them: "Name <e-mail>", or the e-mail alone. */
export const contactText = (contact: Contact): string => (contact.name ? `${contact.name} <${contact.email}>` : contact.email);

/** The other case of a link: its number, or "a case" for links made before numbers were kept. */
export const linkedCaseText = (link: CaseView['links'][number], t: Translator['t']): string => (link.number ? `#${link.number}` : t('link.case'));
