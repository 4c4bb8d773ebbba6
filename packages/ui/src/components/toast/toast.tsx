import './toast.css';

export interface ToastItem {
  id: string;
  tone: 'info' | 'success' | 'error';
  title: string;
  description?: string;
}

export interface ToastViewportProps {
  toasts: readonly ToastItem[];
  /** Accessible name of the region, e.g. "Thông báo". */
  label: string;
  /** Accessible name of each close button, e.g. "Đóng". */
  dismissLabel: string;
  onDismiss: (id: string) => void;
  testIds: { region: string; item: string; dismiss: string };
}

/**
 * The corner where toasts stack. The region is always in the DOM so screen readers pick up what is added to it;
 * errors are announced assertively.
 */
export function ToastViewport({ toasts, label, dismissLabel, onDismiss, testIds }: ToastViewportProps) {
  return (
    <section className="c2-toast-viewport" aria-label={label} data-testid={testIds.region}>
      <ol className="c2-toast-viewport__list">
        {toasts.map((toast) => (
          <li
            key={toast.id}
            className={`c2-toast c2-toast--${toast.tone}`}
            role={toast.tone === 'error' ? 'alert' : 'status'}
            data-testid={testIds.item}
            data-tone={toast.tone}
          >
            <div className="c2-toast__body">
              <p className="c2-toast__title">{toast.title}</p>
              {toast.description ? <p className="c2-toast__description">{toast.description}</p> : null}
            </div>
            <button
              type="button"
              className="c2-toast__dismiss"
              aria-label={dismissLabel}
              data-testid={testIds.dismiss}
              onClick={() => onDismiss(toast.id)}
            >
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
