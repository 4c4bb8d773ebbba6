import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@c2/ui/components/button/button';
import { testIds } from '@c2/ui/test-ids';

/** A short inline form for the reason an action needs (false positive, escalation, transfer, resolution). */
export function ReasonForm({
  title,
  required,
  busy,
  onSubmit,
  onCancel,
  children,
}: {
  title: string;
  required: boolean;
  busy: boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const id = useId();
  return (
    <form
      className="c2-reason-form"
      data-testid={testIds.alerts.reasonForm}
      onSubmit={(e) => {
        e.preventDefault();
        if (required && !reason.trim()) return;
        onSubmit(reason.trim());
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <label htmlFor={id} className="c2-reason-form__label">
        {title}
      </label>
      {children}
      <input
        id={id}
        className="c2-reason-form__input"
        autoFocus
        value={reason}
        required={required}
        maxLength={1000}
        placeholder={required ? t('alerts.reason.required') : t('alerts.reason.optional')}
        onChange={(e) => setReason(e.target.value)}
        data-testid={testIds.alerts.reasonInput}
      />
      <div className="c2-reason-form__actions">
        <Button
          type="submit"
          variant="primary"
          size="sm"
          busy={busy}
          data-testid={testIds.alerts.reasonSubmit}
        >
          {t('alerts.reason.submit')}
        </Button>
        <Button size="sm" variant="ghost" onClick={onCancel} data-testid={testIds.alerts.reasonCancel}>
          {t('alerts.reason.cancel')}
        </Button>
      </div>
    </form>
  );
}
