import { useTranslation } from 'react-i18next';
import type { SignatureCheck } from '@c2/api-client/schemas/signature';

const ICON = { verified: '✓', not_verified: '✕', unsigned: '–' } as const;

/** verified / not verified / unsigned, with the key and time in the tooltip. */
export function SignatureBadge({
  check,
  testId,
  compact = false,
}: {
  check: SignatureCheck;
  testId?: string;
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const title = check.keyId
    ? t('violations.signature.detail', {
        keyId: check.keyId.slice(0, 24),
        time: check.signedAt ? new Date(check.signedAt).toLocaleString(i18n.language) : '',
      })
    : undefined;
  return (
    <span
      className={`c2-sig c2-sig--${check.status}`}
      data-testid={testId}
      data-status={check.status}
      title={title}
    >
      <span aria-hidden="true">{ICON[check.status]}</span>
      {compact ? (
        <span className="c2-visually-hidden">{t(`violations.signature.${check.status}`)}</span>
      ) : (
        t(`violations.signature.${check.status}`)
      )}
    </span>
  );
}
