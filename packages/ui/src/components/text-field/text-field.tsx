import { useId, type InputHTMLAttributes } from 'react';
import './text-field.css';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  /** Shown under the field and linked to it; marks the field invalid. */
  error?: string | null;
  hint?: string;
  id?: string;
}

/** A labelled text input. The label is a real `<label>`; hint and error are linked with `aria-describedby`. */
export function TextField({ label, error, hint, id, className, ...rest }: TextFieldProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['c2-text-field', className].filter(Boolean).join(' ')}>
      <label className="c2-text-field__label" htmlFor={inputId}>
        {label}
      </label>
      <input
        {...rest}
        id={inputId}
        className="c2-text-field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {hint ? (
        <p id={hintId} className="c2-text-field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="c2-text-field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
