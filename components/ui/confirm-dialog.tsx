"use client";
// The app's confirmation, instead of window.confirm(): a native modal <dialog> (focus stays inside, the rest of
// the page is inert, Escape cancels), labelled by its title, that hands focus back to where it was.
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from "react";

export type ConfirmOptions = {
  title: string;
  body?: ReactNode;
  /** The confirming button's words: the action, not "OK" ("Delete note"). */
  confirmLabel: string;
  cancelLabel?: string;
  /** A red confirming button, and Cancel focused first. */
  destructive?: boolean;
};

type Request = ConfirmOptions & { key: number; resolve: (confirmed: boolean) => void };

/** `confirm(options)` resolves true when the user confirms; render `dialog` once in the component. */
export function useConfirm(): { confirm: (options: ConfirmOptions) => Promise<boolean>; dialog: ReactNode } {
  const [request, setRequest] = useState<Request | null>(null);
  const asked = useRef(0);
  const confirm = useCallback(
    (options: ConfirmOptions) =>
      new Promise<boolean>((resolve) => setRequest({ ...options, key: (asked.current += 1), resolve })),
    [],
  );
  const dialog = request ? (
    <ConfirmDialog
      key={request.key}
      title={request.title}
      body={request.body}
      confirmLabel={request.confirmLabel}
      cancelLabel={request.cancelLabel}
      destructive={request.destructive}
      onClose={(confirmed) => {
        setRequest(null);
        request.resolve(confirmed);
      }}
    />
  ) : null;
  return { confirm, dialog };
}

const buttonBase =
  "inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500";

function ConfirmDialog({
  title,
  body,
  confirmLabel,
  cancelLabel = "Cancel",
  destructive = false,
  onClose,
}: ConfirmOptions & { onClose: (confirmed: boolean) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.returnValue = "";
    dialog.showModal();
    dialog.querySelector<HTMLButtonElement>(`button[value="${destructive ? "cancel" : "confirm"}"]`)?.focus();
    const closed = () => {
      onClose(dialog.returnValue === "confirm");
      // Chromium returns focus itself; others may not, and the opener may have re-rendered.
      if (opener?.isConnected) opener.focus();
    };
    dialog.addEventListener("close", closed, { once: true });
    return () => {
      dialog.removeEventListener("close", closed);
      if (dialog.open) dialog.close();
    };
    // Opened once per request: the hook renders a new dialog for each.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      aria-describedby={body ? `${id}-body` : undefined}
      // A click on the backdrop (the dialog element itself, outside its box) cancels.
      onClick={(event) => {
        if (event.target === event.currentTarget) event.currentTarget.close("");
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/60 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <form method="dialog" className="space-y-4 p-6">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        {body ? (
          <div id={`${id}-body`} className="text-sm text-slate-700 dark:text-slate-300">
            {body}
          </div>
        ) : null}
        <div className="flex flex-wrap justify-end gap-3 pt-2">
          <button
            type="submit"
            value="cancel"
            className={`${buttonBase} border border-slate-300 bg-white text-slate-900 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800`}
          >
            {cancelLabel}
          </button>
          <button
            type="submit"
            value="confirm"
            className={`${buttonBase} text-white ${destructive ? "bg-rose-700 hover:bg-rose-800" : "bg-brand-600 hover:bg-brand-700"}`}
          >
            {confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
