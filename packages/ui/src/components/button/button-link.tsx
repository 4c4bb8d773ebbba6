import type { AnchorHTMLAttributes } from 'react';
import './button.css';

export interface ButtonLinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  variant?: 'primary' | 'secondary' | 'ghost' | 'danger';
  size?: 'sm' | 'md';
}

/**
 * A real link (it can be opened in a new tab or on another screen) that looks like a button: for actions that
 * are navigations, e.g. "open these cameras on the wall".
 */
export function ButtonLink({
  variant = 'secondary',
  size = 'md',
  className,
  children,
  ...rest
}: ButtonLinkProps) {
  const classes = ['c2-button', `c2-button--${variant}`, `c2-button--${size}`, 'c2-button--link', className]
    .filter(Boolean)
    .join(' ');
  return (
    <a {...rest} className={classes}>
      {children}
    </a>
  );
}
