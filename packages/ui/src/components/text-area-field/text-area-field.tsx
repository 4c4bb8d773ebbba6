import { useId, type TextareaHTMLAttributes } from 'react';
import '../text-field/text-field.css';
import './text-area-field.css';

export interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  label: string;
  /** Visually hide the label (it stays the accessible name), e.g. a note box under a timeline. */
  hideLabel?: boolean;
}

/** A labelled multi-line text box, styled like TextField. */
export function TextAreaField({ label, hideLabel = false, className, ...rest }: TextAreaFieldProps) {
  const id = useId();
  return (
    <div className={['c2-text-field', className].filter(Boolean).join(' ')}>
      <label className={hideLabel ? 'c2-visually-hidden' : 'c2-text-field__label'} htmlFor={id}>
        {label}
      </label>
      <textarea {...rest} id={id} className="c2-text-field__input c2-text-area-field__input" />
    </div>
  );
}
