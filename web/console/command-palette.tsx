import { useMemo, useState } from 'preact/hooks';
import type { CaseList } from '../shared/api-types.ts';
import { useI18n } from '../shared/i18n.ts';
import { useConsole } from './context.ts';
import { useModal } from './modal.ts';
import { QUEUES } from './choices.ts';
import { navigate } from './router.ts';

export interface PaletteAction {
  id: string;
  label: string;
  run: () => void;
}

/**
 * Ctrl/Cmd+K: type to filter every place and action the console offers right now (the queues, and
 * on a case the commands the API allows), or a case number ("#1042") to open it; arrows to choose,
 * Enter to run.
 */
export function CommandPalette({ actions, onClose }: { actions: PaletteAction[]; onClose: () => void }) {
  const { t } = useI18n();
  const dialog = useModal(onClose);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [missing, setMissing] = useState<number | null>(null);
  const { api } = useConsole();
  const number = /^#?(\d{1,12})$/.exec(query.trim())?.[1];
  const everything = useMemo<PaletteAction[]>(
    () => [
      ...QUEUES.map((queue) => ({
        id: `queue-${queue}`,
        label: t('palette.goTo', { place: t(`queue.${queue}`) }),
        run: () => navigate({ view: 'queue', queue }),
      })),
      ...actions,
    ],
    [actions, t],
  );
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const jump: PaletteAction[] = number
    ? [{ id: 'number', label: t('palette.openNumber', { number }), run: () => void openNumber(Number(number)) }]
    : [];
  const shown = [...jump, ...everything.filter((action) => words.every((word) => action.label.toLowerCase().includes(word)))];
  const chosen = Math.min(active, Math.max(0, shown.length - 1));

  /** The case with that number, if there is one; the palette stays open to say when there is not. */
  const openNumber = async (wanted: number) => {
    const found = await api<CaseList>('GET', `/cases?number=${wanted}`);
    const match = found.data?.items[0];
    if (!match) return setMissing(wanted);
    dialog.current?.close();
    navigate({ view: 'case', caseId: match.id });
  };

  const runChosen = () => {
    const action = shown[chosen];
    if (!action) return;
    if (action.id !== 'number') dialog.current?.close();
    action.run();
  };

  return (
    <dialog ref={dialog} class="palette" aria-label={t('palette.title')}>
      <input
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-options"
        aria-activedescendant={shown[chosen] ? `palette-${shown[chosen].id}` : undefined}
        aria-label={t('palette.title')}
        placeholder={t('palette.placeholder')}
        value={query}
        onInput={(event) => {
          setQuery(event.currentTarget.value);
          setActive(0);
          setMissing(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setActive(Math.max(0, Math.min(shown.length - 1, chosen + (event.key === 'ArrowDown' ? 1 : -1))));
          } else if (event.key === 'Enter') {
            event.preventDefault();
            runChosen();
          }
        }}
      />
      <ul id="palette-options" role="listbox" aria-label={t('palette.title')}>
        {shown.map((action, index) => (
          <li
            id={`palette-${action.id}`}
            key={action.id}
            role="option"
            aria-selected={index === chosen}
            onClick={() => {
              setActive(index);
              if (action.id !== 'number') dialog.current?.close();
              action.run();
            }}
          >
            {action.label}
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p>{t('palette.nothing')}</p>}
      {missing !== null && <p role="alert">{t('palette.noCase', { number: missing })}</p>}
    </dialog>
  );
}
