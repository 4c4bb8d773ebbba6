import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@c2/api-client/schemas/role';
import {
  VN_PLATE_PATTERN,
  rejectReasonSchema,
  type RejectReason,
  type ViolationDecision,
  type ViolationDetail,
} from '@c2/api-client/schemas/violation';
import { Button } from '@c2/ui/components/button/button';
import { TextField } from '@c2/ui/components/text-field/text-field';
import { testIds } from '@c2/ui/test-ids';
import { useDecideViolation } from '../api/decide-violation';
import { errorText } from '../../../lib/error-text';

export interface DecisionPanelProps {
  violation: ViolationDetail;
  userId: string;
  permissions: readonly Permission[];
}

/** What the current user may decide on this violation, and the form to do it. */
export function DecisionPanel({ violation: v, userId, permissions }: DecisionPanelProps) {
  const { t } = useTranslation();
  const decide = useDecideViolation(v.id);
  const [plate, setPlate] = useState(v.plate);
  const [mode, setMode] = useState<'idle' | 'reject' | 'return'>('idle');
  const [reason, setReason] = useState<RejectReason | ''>('');
  const [note, setNote] = useState('');
  const canReview = permissions.includes('violation:review');
  const canApprove = permissions.includes('violation:approve');
  const maker = [...v.reviews].reverse().find((r) => r.action === 'verify');
  const plateValid = VN_PLATE_PATTERN.test(plate);
  const noteNeeded = reason === 'other' && note.trim() === '';

  function submit(decision: ViolationDecision) {
    decide.mutate(decision, {
      onSuccess: () => {
        setMode('idle');
        setReason('');
        setNote('');
      },
    });
  }

  const error = decide.error
    ? t('violations.decisionFailed', {
        message: errorText(t, decide.error),
      })
    : null;

  const reasonForm = (confirmLabel: string, confirmTestId: string, action: 'reject' | 'return') => (
    <div className="c2-decision__reason">
      <label className="c2-decision__label">
        {t('violations.reason')}
        <select
          value={reason}
          onChange={(e) => setReason(e.target.value as RejectReason | '')}
          data-testid={testIds.violations.reasonSelect}
          required
        >
          <option value="">{t('violations.chooseReason')}</option>
          {rejectReasonSchema.options.map((r) => (
            <option key={r} value={r}>
              {t(`violations.reasons.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="c2-decision__label">
        {t('violations.note')}
        <textarea
          rows={2}
          value={note}
          placeholder={t('violations.notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
          data-testid={testIds.violations.note}
          maxLength={1000}
        />
      </label>
      <div className="c2-decision__row">
        <Button
          variant="danger"
          disabled={reason === '' || noteNeeded}
          busy={decide.isPending}
          data-testid={confirmTestId}
          onClick={() =>
            reason && submit({ action, reasonCode: reason, ...(note.trim() ? { note: note.trim() } : {}) })
          }
        >
          {confirmLabel}
        </Button>
        <Button variant="ghost" onClick={() => setMode('idle')}>
          {t('violations.cancel')}
        </Button>
      </div>
    </div>
  );

  let body: React.ReactNode;
  if (v.status === 'pending' && canReview) {
    body =
      mode === 'reject' ? (
        reasonForm(t('violations.confirmReject'), testIds.violations.confirmReject, 'reject')
      ) : (
        <>
          <TextField
            label={t('violations.plateCorrection')}
            value={plate}
            onChange={(e) => setPlate(e.target.value.toUpperCase())}
            error={plateValid ? null : t('violations.facts.plate')}
            data-testid={testIds.violations.plateInput}
            className="c2-decision__plate"
            spellCheck={false}
          />
          <div className="c2-decision__row">
            <Button
              variant="primary"
              disabled={!plateValid}
              busy={decide.isPending}
              data-testid={testIds.violations.verify}
              onClick={() => submit({ action: 'verify', ...(plate !== v.plate ? { plate } : {}) })}
            >
              {t('violations.verify')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => setMode('reject')}
              data-testid={testIds.violations.reject}
            >
              {t('violations.reject')}
            </Button>
          </div>
        </>
      );
  } else if (v.status === 'awaiting_approval' && canApprove && maker && maker.actorId !== userId) {
    body =
      mode === 'return' ? (
        reasonForm(t('violations.confirmReturn'), testIds.violations.confirmReturn, 'return')
      ) : (
        <>
          <p className="c2-decision__hint">{t('violations.awaitingOther', { name: maker.actorName })}</p>
          <div className="c2-decision__row">
            <Button
              variant="primary"
              busy={decide.isPending}
              data-testid={testIds.violations.approve}
              onClick={() => submit({ action: 'approve' })}
            >
              {t('violations.approve')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => setMode('return')}
              data-testid={testIds.violations.returnBack}
            >
              {t('violations.return')}
            </Button>
          </div>
        </>
      );
  } else if (v.status === 'awaiting_approval' && maker?.actorId === userId) {
    body = <p className="c2-decision__hint">{t('violations.ownVerification')}</p>;
  } else if (v.status === 'verified' || v.status === 'rejected') {
    body = <p className="c2-decision__hint">{t('violations.final')}</p>;
  } else {
    body = <p className="c2-decision__hint">{t('violations.noRight')}</p>;
  }

  return (
    <div className="c2-decision">
      {body}
      {error && (
        <p className="c2-decision__error" role="alert" data-testid={testIds.violations.decisionError}>
          {error}
        </p>
      )}
    </div>
  );
}
