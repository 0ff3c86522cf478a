import { useRef, type ReactNode } from 'react';

/** A button whose action runs only after the person confirms it in a dialog. */
export function ConfirmButton({
  label,
  question,
  onConfirm,
  className,
  disabled,
}: {
  label: ReactNode;
  question: string;
  onConfirm: () => void;
  className?: string;
  disabled?: boolean;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" className={className} disabled={disabled} onClick={() => dialog.current?.showModal()}>
        {label}
      </button>
      <dialog ref={dialog} aria-label="Confirm">
        <p>{question}</p>
        <div className="toolbar">
          <button
            type="button"
            className={className ?? 'primary'}
            onClick={() => {
              dialog.current?.close();
              onConfirm();
            }}
          >
            Confirm
          </button>
          <button type="button" onClick={() => dialog.current?.close()} autoFocus>
            Cancel
          </button>
        </div>
      </dialog>
    </>
  );
}
