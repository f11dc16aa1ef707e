import type { CaseView } from '../shared/api-types.ts';
import { useI18n } from '../shared/i18n.ts';
import { CaseRefLink } from './case-ref-link.tsx';
import { linkedCaseText } from './reference-text.ts';

/** The cases this one is linked to (split, started, followed), each a link, with whether a waited-for one has ended. */
export function RelatedCases({ links }: { links: CaseView['links'] }) {
  const { t } = useI18n();
  if (links.length === 0) return null;
  return (
    <div>
      <dt>{t('case.related')}</dt>
      <dd>
        <ul class="related-cases">
          {links.map((link) => (
            <li key={`${link.kind}-${link.caseId}`}>
              {t(`link.${link.kind}`)} <CaseRefLink caseId={link.caseId}>{linkedCaseText(link, t)}</CaseRefLink>
              {link.finishedAt && ` (${t('link.finished')})`}
            </li>
          ))}
        </ul>
      </dd>
    </div>
  );
}
