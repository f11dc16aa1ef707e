import { useI18n } from '../shared/i18n.ts';
import { useModal } from './modal.ts';

const KEYS: [string, string][] = [
  ['j', 'shortcuts.next'],
  ['k', 'shortcuts.previous'],
  ['Enter', 'shortcuts.open'],
  ['r', 'shortcuts.reply'],
  ['n', 'shortcuts.note'],
  ['e', 'shortcuts.resolve'],
  ['u', 'shortcuts.back'],
  ['Ctrl+Enter', 'shortcuts.send'],
  ['Esc', 'shortcuts.leave'],
  ['Ctrl+K', 'shortcuts.palette'],
  ['?', 'shortcuts.help'],
];

/** The list of every shortcut, as a modal dialog that Escape closes. */
export function Shortcuts({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const dialog = useModal(onClose);
  return (
    <dialog ref={dialog} aria-labelledby="shortcuts-title" class="shortcuts">
      <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
      <dl>
        {KEYS.map(([key, label]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{t(label)}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit">{t('shortcuts.close')}</button>
      </form>
    </dialog>
  );
}
