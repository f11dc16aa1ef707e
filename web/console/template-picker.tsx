import type { RenderedTemplate, TemplateList } from '../shared/api-types.ts';
import { useI18n } from '../shared/i18n.ts';
import { useConsole } from './context.ts';
import { usePolled } from './polling.ts';

/** Templates change when an admin edits one: a few minutes' delay is fine. */
const TEMPLATES_REFRESH_MS = 5 * 60_000;

/**
 * Inserts a reply or note template, filled in by the API for this case and agent (the same
 * placeholders the mail uses), into what the agent is writing.
 */
export function TemplatePicker(props: { caseId: string; kind: 'reply' | 'note'; onInsert: (text: string) => void; onError: (error: unknown) => void }) {
  const { t, language } = useI18n();
  const { api } = useConsole();
  const listed = usePolled<TemplateList>(api, '/templates?limit=100', TEMPLATES_REFRESH_MS);
  // The agent's own language first: most replies go out in it.
  const templates = (listed.data?.items ?? [])
    .filter((template) => template.kind === props.kind)
    .sort((a, b) => Number(b.language === language) - Number(a.language === language) || a.name.localeCompare(b.name));
  if (templates.length === 0) return null;
  return (
    <label>
      {t('compose.template')}{' '}
      <select
        value=""
        onChange={async (event) => {
          const templateId = event.currentTarget.value;
          event.currentTarget.value = '';
          if (!templateId) return;
          try {
            const { data } = await api<{ rendered: RenderedTemplate }>(
              'GET',
              `/cases/${encodeURIComponent(props.caseId)}/templates/${encodeURIComponent(templateId)}`,
            );
            props.onInsert(data!.rendered.body);
          } catch (error) {
            props.onError(error);
          }
        }}
      >
        <option value="">{t('compose.chooseTemplate')}</option>
        {templates.map((template) => (
          <option value={template.id} key={template.id}>
            {template.name} ({template.language})
          </option>
        ))}
      </select>
    </label>
  );
}
