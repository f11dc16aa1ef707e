import { useMemo, useRef, useState } from 'preact/hooks';
import { type Language, translator } from '../shared/i18n.ts';
import { IntakeForm } from './intake-form.tsx';
import { MESSAGES } from './messages.ts';

export interface WidgetProps {
  api: string;
  language: Language;
  externalCustomerId: string | null;
}

/**
 * The button and the form it opens, in a modal dialog: the browser keeps focus inside it while open
 * and closes it on Escape; focus then goes back to the button. A form closed half-written keeps
 * what was typed; one that was sent opens empty the next time.
 */
export function Widget(props: WidgetProps) {
  const { t } = useMemo(() => translator(props.language, MESSAGES), [props.language]);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [sent, setSent] = useState(false);
  const [round, setRound] = useState(0);
  // Focused by hand, not with `autofocus`: that attribute may pull focus into the widget as the host page loads.
  const open = () => {
    dialog.current?.showModal();
    dialog.current?.querySelector<HTMLElement>('[data-focus]')?.focus();
  };

  return (
    <>
      <button ref={opener} type="button" class="opener" aria-haspopup="dialog" onClick={open}>
        {t('widget.open')}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="title"
        onClose={() => {
          if (sent) {
            setSent(false);
            setRound(round + 1);
          }
          opener.current?.focus();
        }}
      >
        <div class="head">
          <h2 id="title">{t('widget.open')}</h2>
          <button type="button" class="close" aria-label={t('widget.close')} onClick={() => dialog.current?.close()}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
        <IntakeForm key={round} {...props} t={t} onSent={() => setSent(true)} />
      </dialog>
    </>
  );
}
