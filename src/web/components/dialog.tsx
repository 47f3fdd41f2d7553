// One accessible modal dialog for the staff app: the native <dialog> opened with showModal()
// (the rest of the page becomes inert, focus moves into the dialog and stays there), labelled
// by its heading, closed by Escape or its buttons; focus returns to what had it before.
import "./dialog.css";
import { type ReactNode, useEffect, useId, useRef } from "react";

export interface DialogProps {
  open: boolean;
  title: string;
  /** Called for Escape and for the close button; the owner sets `open` to false. */
  onClose(): void;
  children: ReactNode;
  /** Widths: "narrow" for a question, "wide" for a form with long text. */
  size?: "narrow" | "wide";
}

export function Dialog({ open, title, onClose, children, size = "narrow" }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const returnFocusTo = useRef<Element | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocusTo.current = document.activeElement;
      dialog.showModal();
      // showModal focuses the first focusable element unless one asks for it (autoFocus).
      const preferred = dialog.querySelector<HTMLElement>("[data-autofocus]");
      preferred?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  // Closing on unmount too, and giving the focus back either way.
  useEffect(() => {
    const dialog = ref.current;
    const restore = () => {
      const target = returnFocusTo.current;
      returnFocusTo.current = null;
      // The close event comes a moment after close(): when the owner has put the focus on a
      // result meanwhile (its button may be about to go), that focus stays.
      const active = document.activeElement;
      if (active && active !== document.body && !dialog?.contains(active)) return;
      if (target instanceof HTMLElement && target.isConnected) target.focus();
    };
    dialog?.addEventListener("close", restore);
    return () => {
      dialog?.removeEventListener("close", restore);
      if (dialog?.open) dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${size}`}
      aria-labelledby={headingId}
      onCancel={(event) => {
        // Escape: the owner decides (it may be busy sending); the state stays the truth.
        event.preventDefault();
        onClose();
      }}
    >
      <div className="dialog-header">
        <h2 id={headingId}>{title}</h2>
        <button type="button" className="dialog-close" onClick={onClose} aria-label="閉じる">
          ×
        </button>
      </div>
      {open && <div className="dialog-body">{children}</div>}
    </dialog>
  );
}

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** What will happen, in a sentence or two. */
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** For what cannot be undone: the confirm button is drawn as a warning. */
  danger?: boolean;
  /** While the request runs: both buttons wait. */
  busy?: boolean;
  /** A failure to show inside the dialog (the dialog stays open). */
  error?: ReactNode;
  onConfirm(): void;
  onCancel(): void;
}

/** A yes/no question. The safe answer (cancel) has the focus when it opens. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel = "やめる",
  danger = false,
  busy = false,
  error,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  return (
    <Dialog open={open} title={title} onClose={() => !busy && onCancel()}>
      <div className="dialog-message">{children}</div>
      {error && (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      )}
      <div className="dialog-actions">
        <button
          type="button"
          className={danger ? "button-primary button-primary-danger" : "button-primary"}
          onClick={onConfirm}
          disabled={busy}
        >
          {busy ? "処理しています…" : confirmLabel}
        </button>
        <button type="button" onClick={onCancel} disabled={busy} data-autofocus>
          {cancelLabel}
        </button>
      </div>
    </Dialog>
  );
}
