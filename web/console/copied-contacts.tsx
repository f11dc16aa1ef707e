import type { CaseView } from '../shared/api-types.ts';
import { useI18n } from '../shared/i18n.ts';
import { contactText } from './reference-text.ts';

/** The people replies also go to, in copy (a merged case's contacts, for one), as a fact of the case. */
export function CopiedContacts({ contacts }: { contacts: CaseView['contacts']['cc'] }) {
  const { t } = useI18n();
  if (!contacts || contacts.length === 0) return null;
  return (
    <div>
      <dt>{t('case.cc')}</dt>
      <dd>{contacts.map(contactText).join(', ')}</dd>
    </div>
  );
}
