import type { ComponentChildren } from 'preact';
import { navigate, pathOf } from './router.ts';

/** A link to another case of the helpdesk, opened in the console without a page load. */
export function CaseRefLink({ caseId, children }: { caseId: string; children: ComponentChildren }) {
  return (
    <a
      href={pathOf({ view: 'case', caseId })}
      onClick={(event) => {
        event.preventDefault();
        navigate({ view: 'case', caseId });
      }}
    >
      {children}
    </a>
  );
}
