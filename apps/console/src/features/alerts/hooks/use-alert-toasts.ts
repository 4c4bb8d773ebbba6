import { useTranslation } from 'react-i18next';
import { createStore, useStore } from 'zustand';
import { errorText, fieldErrors } from '../../../lib/error-text';

export interface AlertToast {
  id: string;
  tone: 'info' | 'success' | 'error';
  title: string;
  description?: string;
}

interface ToastState {
  toasts: AlertToast[];
  push(t: Omit<AlertToast, 'id'>): void;
  dismiss(id: string): void;
}

let counter = 0;
/** Toasts of the alert pages (refused actions, a colleague who was faster); each fades after 6 s. */
export const alertToastStore = createStore<ToastState>((set) => ({
  toasts: [],
  push(t) {
    const id = `t${++counter}`;
    set((s) => ({ toasts: [...s.toasts.slice(-3), { ...t, id }] }));
    setTimeout(() => set((s) => ({ toasts: s.toasts.filter((x) => x.id !== id) })), 6000);
  },
  dismiss(id) {
    set((s) => ({ toasts: s.toasts.filter((x) => x.id !== id) }));
  },
}));

export function useAlertToasts() {
  const { t } = useTranslation();
  const push = useStore(alertToastStore, (s) => s.push);
  return {
    error(err: unknown) {
      const fields = Object.entries(fieldErrors(t, err))
        .map(([k, v]) => `${k}: ${v}`)
        .join('; ');
      push({ tone: 'error', title: errorText(t, err), ...(fields ? { description: fields } : {}) });
    },
    info: (title: string) => push({ tone: 'info', title }),
  };
}
