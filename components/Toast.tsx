export interface ToastProps {
  message: string;
  onUndo?: () => void;
  onClose(): void;
}

/** What just happened, with a way to take it back. Announced to screen readers. */
export function Toast({ message, onUndo, onClose }: ToastProps) {
  return (
    <div class="toast" role="status">
      <span>{message}</span>
      {onUndo && (
        <button type="button" class="link" onClick={onUndo}>
          Undo
        </button>
      )}
      <button type="button" class="link" aria-label="Dismiss" onClick={onClose}>
        ✕
      </button>
    </div>
  );
}
