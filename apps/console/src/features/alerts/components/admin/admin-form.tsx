import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { testIds } from '@c2/ui/test-ids';
import { errorText, fieldErrors } from '../../../../lib/error-text';

/** A labelled control of an admin form; `name` gives its test id. */
export function Field({
  label,
  name,
  children,
  wide,
}: {
  label: string;
  name: string;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <label className={`c2-admin-field${wide ? ' c2-admin-field--wide' : ''}`} data-field={name}>
      <span className="c2-admin-field__label">{label}</span>
      {children}
    </label>
  );
}

/**
 * What the BFF refused, with the fields it named: each by its label on the form (`labels`: API field → label),
 * else by its path.
 */
export function FormError({ error, labels = {} }: { error: unknown; labels?: Record<string, string> }) {
  const { t } = useTranslation();
  if (!error) return null;
  const fields = Object.entries(fieldErrors(t, error));
  return (
    <div className="c2-admin-error" role="alert" data-testid={testIds.alertAdmin.error}>
      <p>{errorText(t, error)}</p>
      {fields.length > 0 ? (
        <ul>
          {fields.map(([k, v]) => (
            <li key={k} data-field={k}>
              {labels[k] ?? <code>{k}</code>}: {v}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export const fid = testIds.alertAdmin.field;

/** "a, b ,c" → ["a","b","c"]; empty → null (meaning: all). */
export const listOrNull = (s: string): string[] | null => {
  const items = s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  return items.length > 0 ? items : null;
};

/** Minutes after midnight ↔ "HH:MM". */
export const toHhmm = (m: number | null) =>
  m === null ? '' : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
export const fromHhmm = (s: string): number | null => {
  const hit = /^(\d{1,2}):(\d{2})$/.exec(s);
  return hit ? Number(hit[1]) * 60 + Number(hit[2]) : null;
};

/** ISO ↔ the value of a datetime-local input, in the browser's time zone. */
export const toLocalInput = (iso: string) => {
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
export const fromLocalInput = (v: string) => new Date(v).toISOString();
