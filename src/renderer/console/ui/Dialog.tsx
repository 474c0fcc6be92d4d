import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal dialog: takes the focus (its first button, or the one marked data-autofocus), keeps
 * Tab inside, closes on Escape and gives the focus back to where it was.
 */
export function Dialog({
  title,
  onClose,
  children,
  testId,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const element = box.current;
    const first =
      element?.querySelector<HTMLElement>('[data-autofocus]') ??
      element?.querySelector<HTMLElement>('button, select, input');
    first?.focus();
    return () => before?.focus?.();
  }, []);
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !box.current) return;
    const focusable = [
      ...box.current.querySelectorAll<HTMLElement>(
        'button:not([disabled]), select, input, [tabindex="0"]',
      ),
    ];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };
  return (
    <div className="backdrop">
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="dialog-title"
        ref={box}
        onKeyDown={onKeyDown}
        data-testid={testId}
      >
        <h2 id="dialog-title">{title}</h2>
        {children}
      </div>
    </div>
  );
}

/** A yes / cancel question; Enter on the focused Yes confirms. */
export function ConfirmDialog({
  title,
  question,
  yes,
  cancel,
  onYes,
  onCancel,
}: {
  title: string;
  question: string;
  yes: string;
  cancel: string;
  onYes: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog title={title} onClose={onCancel} testId="confirm-dialog">
      <p>{question}</p>
      <div className="dialog-buttons">
        <button type="button" className="primary" data-autofocus onClick={onYes}>
          {yes}
        </button>
        <button type="button" onClick={onCancel}>
          {cancel}
        </button>
      </div>
    </Dialog>
  );
}
