import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '@c2/api-client/query-keys';
import { dutySchema, type AlertUser, type Duty } from '@c2/api-client/schemas/alert';
import { Button } from '@c2/ui/components/button/button';
import { Panel } from '@c2/ui/components/panel/panel';
import { testIds } from '@c2/ui/test-ids';
import { api } from '../../../../lib/api';
import { useAdminMutation, usePeople, useRoster } from '../../api/alert-admin-queries';
import { Field, FormError, fid, fromLocalInput, toLocalInput } from './admin-form';

/** The duty roster (who holds operator, dispatcher, supervisor duty when) and how each person is reached. */
export function RosterEditor() {
  const { t, i18n } = useTranslation();
  const roster = useRoster();
  const people = usePeople();
  const [userId, setUserId] = useState('');
  const [duty, setDuty] = useState<Duty>('supervisor');
  const [start, setStart] = useState(() => toLocalInput(new Date().toISOString()));
  const [end, setEnd] = useState(() => toLocalInput(new Date(Date.now() + 12 * 3600_000).toISOString()));
  const keys = [queryKeys.alertAdmin.roster(), queryKeys.alertAdmin.people()];
  const add = useAdminMutation(
    () =>
      api.alertAdmin.addShift({ userId, duty, startsAt: fromLocalInput(start), endsAt: fromLocalInput(end) }),
    keys,
  );
  const remove = useAdminMutation((id: string) => api.alertAdmin.deleteShift(id), keys);
  const fmt = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <div className="c2-admin-split c2-admin-split--even">
      <Panel title={t('alerts.admin.roster.title')} className="c2-admin-wide">
        <table className="c2-admin-table" data-testid={testIds.alertAdmin.roster}>
          <thead>
            <tr>
              <th>{t('alerts.admin.roster.person')}</th>
              <th>{t('alerts.admin.roster.duty')}</th>
              <th>{t('alerts.admin.roster.from')}</th>
              <th>{t('alerts.admin.roster.to')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(roster.data ?? []).map((s) => (
              <tr key={s.id} className={s.current ? 'is-current' : ''}>
                <td>
                  {s.userName}
                  {s.current ? <span className="c2-admin-badge">{t('alerts.admin.roster.now')}</span> : null}
                </td>
                <td>{t(`alerts.duty.${s.duty}`)}</td>
                <td>{fmt(s.startsAt)}</td>
                <td>{fmt(s.endsAt)}</td>
                <td>
                  <Button size="sm" variant="ghost" onClick={() => remove.mutate(s.id)}>
                    {t('alerts.admin.delete')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <form
          className="c2-admin-form"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate(undefined);
          }}
        >
          <Field label={t('alerts.admin.roster.person')} name="user">
            <select
              value={userId}
              onChange={(e) => setUserId(e.target.value)}
              required
              data-testid={fid('shift-user')}
            >
              <option value="">{t('alerts.form.chooseUser')}</option>
              {(people.data ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.displayName}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('alerts.admin.roster.duty')} name="duty">
            <select
              value={duty}
              onChange={(e) => setDuty(dutySchema.parse(e.target.value))}
              data-testid={fid('shift-duty')}
            >
              {dutySchema.options.map((d) => (
                <option key={d} value={d}>
                  {t(`alerts.duty.${d}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('alerts.admin.roster.from')} name="start">
            <input type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} required />
          </Field>
          <Field label={t('alerts.admin.roster.to')} name="end">
            <input type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} required />
          </Field>
          <FormError error={add.error ?? remove.error} />
          <div className="c2-admin-actions">
            <Button type="submit" busy={add.isPending} data-testid={testIds.alertAdmin.save}>
              {t('alerts.admin.roster.add')}
            </Button>
          </div>
        </form>
      </Panel>
      <Panel title={t('alerts.admin.contacts.title')} className="c2-admin-wide">
        <table className="c2-admin-table">
          <thead>
            <tr>
              <th>{t('alerts.admin.roster.person')}</th>
              <th>{t('alerts.admin.contacts.email')}</th>
              <th>{t('alerts.admin.contacts.phone')}</th>
              <th>{t('alerts.admin.contacts.zalo')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(people.data ?? []).map((p) => (
              <ContactRow key={`${p.id}:${p.email}:${p.phone}:${p.zaloPhone}`} person={p} />
            ))}
          </tbody>
        </table>
      </Panel>
    </div>
  );
}

function ContactRow({ person }: { person: AlertUser }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState(person.email ?? '');
  const [phone, setPhone] = useState(person.phone ?? '');
  const [zalo, setZalo] = useState(person.zaloPhone ?? '');
  const save = useAdminMutation(
    () =>
      api.alertAdmin.saveContact(person.id, {
        email: email || null,
        phone: phone || null,
        zaloPhone: zalo || null,
      }),
    [queryKeys.alertAdmin.people()],
  );
  return (
    <tr>
      <td>
        {person.displayName}
        <small className="c2-admin-muted"> · {t(`role.${person.role}`)}</small>
      </td>
      <td>
        <input
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-label={t('alerts.admin.contacts.email')}
        />
      </td>
      <td>
        <input
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          aria-label={t('alerts.admin.contacts.phone')}
        />
      </td>
      <td>
        <input
          value={zalo}
          onChange={(e) => setZalo(e.target.value)}
          aria-label={t('alerts.admin.contacts.zalo')}
        />
      </td>
      <td>
        <Button size="sm" busy={save.isPending} onClick={() => save.mutate(undefined)}>
          {t('alerts.admin.save')}
        </Button>
        {save.error ? <FormError error={save.error} /> : null}
      </td>
    </tr>
  );
}
