import { useState } from 'preact/hooks';
import type { ApiError } from '../shared/api-client.ts';
import type { MergeBody } from '../shared/api-types.ts';
import { useI18n } from '../shared/i18n.ts';
import { FoldedForm } from './folded-form.tsx';
import type { Run } from './run.ts';

/**
 * Merge the case into another open one, named by its number, when the customer wrote about the same
 * thing twice. The API's objection to that number shows at the field, where the agent corrects it.
 */
export function MergeForm({ run }: { run: Run }) {
  const { t } = useI18n();
  const [into, setInto] = useState('');
  const [issue, setIssue] = useState<string | null>(null);
  const showRefusal = (error: ApiError) => {
    const objection = objectionToTarget(error);
    setIssue(objection);
    return objection !== null;
  };
  return (
    <FoldedForm
      title={t('command.merge')}
      onSubmit={async () => {
        setIssue(null);
        if (await run('POST', '/merge', { into: Number(into) } satisfies MergeBody, { showRefusal })) setInto('');
      }}
    >
      <p class="hint">{t('merge.help')}</p>
      <label>
        {t('merge.into')}{' '}
        <input
          type="number"
          min={1}
          step={1}
          required
          value={into}
          onInput={(event) => setInto(event.currentTarget.value)}
          {...(issue ? { 'aria-invalid': true, 'aria-describedby': 'merge-into-issue' } : {})}
        />
      </label>
      {issue && (
        <p id="merge-into-issue" role="alert" class="field-issue">
          {issue}
        </p>
      )}
      <button type="submit">{t('merge.submit')}</button>
    </FoldedForm>
  );
}

/**
 * What the API holds against the case named (none such, this case itself, a closed or merged one), or
 * null for a refusal about this case. The request carries If-Match, so a change to this case meanwhile
 * is a version conflict: a refused transition is the target's.
 */
function objectionToTarget(error: ApiError): string | null {
  if (error.status === 400) {
    const issues = error.issues.filter((i) => i.path === 'body.into');
    return issues.length > 0 ? issues.map((i) => i.message).join('; ') : null;
  }
  return error.status === 409 && error.code === 'invalid_transition' ? error.message : null;
}
