import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MfaEnrolment as Enrolment } from '@c2/api-client/schemas/auth';
import { Button } from '@c2/ui/components/button/button';
import { TextField } from '@c2/ui/components/text-field/text-field';
import { testIds } from '@c2/ui/test-ids';

/** The key in groups of four, as people copy it into an app by hand. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

/**
 * Enrolling an authenticator: the QR code (made by the BFF, shown from a data URL: nothing is fetched), the key
 * for typing by hand, and the first code to prove the app holds it.
 */
export function MfaEnrolment({
  enrolment,
  onConfirm,
  busy,
  error,
}: {
  enrolment: Enrolment;
  onConfirm: (code: string) => void;
  busy: boolean;
  error: string | null;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    onConfirm(code.replace(/\s/g, ''));
  }
  return (
    <form className="c2-mfa" onSubmit={onSubmit} data-testid={testIds.mfa.enrolment} noValidate>
      <ol className="c2-mfa__steps">
        <li>{t('login.enrol.step1')}</li>
        <li>{t('login.enrol.step2')}</li>
      </ol>
      <div className="c2-mfa__pair">
        <img
          className="c2-mfa__qr"
          src={enrolment.qrDataUrl}
          alt={t('login.enrol.qrAlt', { issuer: enrolment.issuer })}
          width={184}
          height={184}
          data-testid={testIds.mfa.qr}
        />
        <div className="c2-mfa__manual">
          <p className="c2-mfa__label">{t('login.enrol.manual')}</p>
          <code className="c2-mfa__secret" data-testid={testIds.mfa.secret} data-secret={enrolment.secret}>
            {grouped(enrolment.secret)}
          </code>
          <p className="c2-mfa__hint">{t('login.enrol.params')}</p>
        </div>
      </div>
      <TextField
        label={t('login.enrol.code')}
        name="one-time-code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        autoFocus
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={error}
        data-testid={testIds.mfa.code}
      />
      <Button
        type="submit"
        variant="primary"
        busy={busy}
        disabled={busy || code.replace(/\s/g, '').length !== 6}
        data-testid={testIds.mfa.confirm}
      >
        {t('login.enrol.confirm')}
      </Button>
    </form>
  );
}

/** Recovery codes, shown once: each opens the account once when the phone is lost. */
export function RecoveryCodes({ codes, onDone }: { codes: readonly string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="c2-mfa" data-testid={testIds.mfa.recoveryCodes}>
      <p className="c2-mfa__warning" role="status">
        {t('login.recovery.intro')}
      </p>
      <ul className="c2-mfa__codes">
        {codes.map((c) => (
          <li key={c} data-testid={testIds.mfa.recoveryCode}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <Button variant="primary" onClick={onDone} data-testid={testIds.mfa.recoverySaved}>
        {t('login.recovery.saved')}
      </Button>
    </div>
  );
}
