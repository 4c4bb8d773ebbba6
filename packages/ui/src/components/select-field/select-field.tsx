import { useId, type SelectHTMLAttributes } from 'react';
import '../text-field/text-field.css';

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: string;
  options: readonly { value: string; label: string }[];
  hint?: string;
}

/** A labelled native `<select>` (keyboard and screen readers work as the platform does), styled like TextField. */
export function SelectField({ label, options, hint, className, ...rest }: SelectFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={['c2-text-field', className].filter(Boolean).join(' ')}>
      <label className="c2-text-field__label" htmlFor={id}>
        {label}
      </label>
      <select {...rest} id={id} className="c2-text-field__input" aria-describedby={hintId}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint ? (
        <p id={hintId} className="c2-text-field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
