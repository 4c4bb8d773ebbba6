import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lookupPurposeSchema, type LookupPurpose } from '@c2/api-client/schemas/identity';
import { Button } from '@c2/ui/components/button/button';
import { testIds } from '@c2/ui/test-ids';
import { useIdentityLookup } from '../api/identity';
import { errorText } from '../../../lib/error-text';

/**
 * The registry lookup for one plate. The purpose comes first and is required (the BFF refuses without it); the
 * answer shows which fields were masked and which the role may not see at all, and the access-log number.
 */
export function IdentityDialog({
  plate,
  reference,
  onClose,
}: {
  plate: string;
  reference?: { kind: 'violation' | 'event' | 'case'; id: string } | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const lookup = useIdentityLookup();
  const [purpose, setPurpose] = useState<LookupPurpose | ''>('');
  const [detail, setDetail] = useState('');
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const ready = purpose !== '' && detail.trim().length >= 10;
  const result = lookup.data;

  return (
    <dialog
      ref={dialog}
      className="c2-identity"
      aria-labelledby="c2-identity-title"
      data-testid={testIds.investigate.identityDialog}
      onClose={onClose}
    >
      <form
        method="dialog"
        className="c2-identity__form"
        onSubmit={(e) => {
          e.preventDefault();
          if (purpose === '' || !ready) return;
          lookup.mutate({
            subject: { kind: 'vehicle', plate },
            purpose: { code: purpose, detail: detail.trim() },
            ...(reference ? { reference } : {}),
          });
        }}
      >
        <h2 id="c2-identity-title">{t('investigate.identity.title')}</h2>
        <p>
          {t('investigate.identity.subject')}: <strong className="c2-identity__plate">{plate}</strong>
        </p>
        <label className="c2-identity__label">
          {t('investigate.identity.purpose')}
          <select
            required
            value={purpose}
            onChange={(e) => setPurpose(e.target.value as LookupPurpose | '')}
            data-testid={testIds.investigate.identityPurpose}
          >
            <option value="">{t('investigate.identity.choosePurpose')}</option>
            {lookupPurposeSchema.options.map((p) => (
              <option key={p} value={p}>
                {t(`investigate.identity.purposes.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="c2-identity__label">
          {t('investigate.identity.detail')}
          <textarea
            required
            minLength={10}
            maxLength={500}
            rows={2}
            value={detail}
            onChange={(e) => setDetail(e.target.value)}
            data-testid={testIds.investigate.identityDetail}
          />
        </label>
        <p className="c2-identity__hint">{t('investigate.identity.detailHint')}</p>
        {lookup.error && (
          <p className="c2-identity__error" role="alert" data-testid={testIds.investigate.identityError}>
            {t('investigate.identity.failed', {
              message: errorText(t, lookup.error),
            })}
          </p>
        )}
        {result && (
          <div className="c2-identity__result" data-testid={testIds.investigate.identityResult}>
            {result.found ? (
              <dl>
                {result.fields.map((f) => (
                  <div
                    key={f.field}
                    className="c2-identity__row"
                    data-testid={testIds.investigate.identityField(f.field)}
                    data-masked={f.masked}
                  >
                    <dt>{t(`investigate.identity.fields.${f.field}`)}</dt>
                    <dd>
                      {f.value}
                      {f.masked && (
                        <span className="c2-identity__masked">{t('investigate.identity.masked')}</span>
                      )}
                    </dd>
                  </div>
                ))}
              </dl>
            ) : (
              <p>{t('investigate.identity.notFound')}</p>
            )}
            {result.withheld.length > 0 && (
              <p className="c2-identity__hint">
                {t('investigate.identity.withheld', {
                  fields: result.withheld.map((f) => t(`investigate.identity.fields.${f}`)).join(', '),
                })}
              </p>
            )}
            <p className="c2-identity__hint">{t('investigate.identity.accessId', { id: result.accessId })}</p>
          </div>
        )}
        <div className="c2-identity__actions">
          <Button
            type="submit"
            variant="primary"
            disabled={!ready}
            busy={lookup.isPending}
            data-testid={testIds.investigate.identitySubmit}
          >
            {t('investigate.identity.submit')}
          </Button>
          <Button
            variant="ghost"
            onClick={() => dialog.current?.close()}
            data-testid={testIds.investigate.identityClose}
          >
            {t('investigate.identity.cancel')}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
