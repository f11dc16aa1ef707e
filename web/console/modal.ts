import { useEffect, useRef } from 'preact/hooks';

/**
 * Opens the dialog as a modal when it mounts (the browser then traps focus and Escape closes it)
 * and reports the close, however it happened.
 */
export function useModal(onClose: () => void) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current!;
    if (!element.open) element.showModal();
    element.addEventListener('close', onClose);
    return () => element.removeEventListener('close', onClose);
  }, [onClose]);
  return dialog;
}
