import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUser } from '@c2/api-client/schemas/admin';
import type { SharingScope } from '@c2/api-client/schemas/sharing';
import { Button } from '@c2/ui/components/button/button';
import { Panel } from '@c2/ui/components/panel/panel';
import { Spinner } from '@c2/ui/components/spinner/spinner';
import { TextField } from '@c2/ui/components/text-field/text-field';
import { testIds } from '@c2/ui/test-ids';
import {
  useAreas,
  useCreateSharingKey,
  useCreateUser,
  useRevokeSharingKey,
  useSharingKeys,
  useUpdateUser,
  useUserAction,
  useUsers,
} from '../api/admin-data';
import { UserForm, type UserFormValue } from './user-form';
import './admin-page.css';
import { errorText } from '../../../lib/error-text';

const when = (iso: string | null, lng: string) => (iso ? new Date(iso).toLocaleString(lng) : '—');

/** Accounts (roles, areas, MFA, lockout, sessions) and the partner centers' sharing keys. */
export function AdminPage() {
  return (
    <div className="c2-admin" data-testid={testIds.admin.page}>
      <UsersPanel />
      <SharingKeysPanel />
    </div>
  );
}

function UsersPanel() {
  const { t, i18n } = useTranslation();
  const users = useUsers();
  const areas = useAreas();
  const create = useCreateUser();
  const update = useUpdateUser();
  const action = useUserAction();
  const [editing, setEditing] = useState<AdminUser | 'new' | null>(null);
  const areaName = useMemo(() => new Map((areas.data ?? []).map((a) => [a.id, a.name])), [areas.data]);

  function onSave(v: UserFormValue) {
    const areasValue = v.areas.length > 0 ? v.areas : null;
    if (editing === 'new')
      create.mutate(
        {
          username: v.username.trim(),
          displayName: v.displayName,
          role: v.role,
          areas: areasValue,
          password: v.password,
        },
        { onSuccess: () => setEditing(null) },
      );
    else if (editing)
      update.mutate(
        { id: editing.id, change: { displayName: v.displayName, role: v.role, areas: areasValue } },
        { onSuccess: () => setEditing(null) },
      );
  }

  return (
    <Panel
      title={t('admin.users')}
      testId={testIds.admin.users}
      actions={
        <Button
          size="sm"
          variant="primary"
          onClick={() => {
            create.reset();
            setEditing('new');
          }}
          data-testid={testIds.admin.newUser}
        >
          {t('admin.user.new')}
        </Button>
      }
    >
      {editing && (
        <UserForm
          key={editing === 'new' ? 'new' : editing.id}
          user={editing === 'new' ? null : editing}
          areas={areas.data ?? []}
          busy={create.isPending || update.isPending}
          error={editing === 'new' ? create.error : update.error}
          onSubmit={onSave}
          onCancel={() => setEditing(null)}
        />
      )}
      {action.error && (
        <p className="c2-admin__error" role="alert">
          {t('admin.failed')}
        </p>
      )}
      {users.data ? (
        <div className="c2-admin__scroll">
          <table className="c2-admin__table">
            <thead>
              <tr>
                <th scope="col">{t('admin.user.username')}</th>
                <th scope="col">{t('admin.user.displayName')}</th>
                <th scope="col">{t('admin.user.role')}</th>
                <th scope="col">{t('admin.user.areas')}</th>
                <th scope="col">{t('admin.user.mfa')}</th>
                <th scope="col">{t('admin.user.state')}</th>
                <th scope="col">{t('admin.user.lastLogin')}</th>
                <th scope="col">{t('admin.user.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((u) => {
                const run = (a: 'resetMfa' | 'unlock' | 'forceLogout') =>
                  action.mutate({ id: u.id, action: a });
                return (
                  <tr key={u.id} data-testid={testIds.admin.userRow} data-username={u.username}>
                    <td className="c2-admin__mono">{u.username}</td>
                    <td>{u.displayName}</td>
                    <td>{t(`role.${u.role}`)}</td>
                    <td>
                      {u.areas
                        ? u.areas.map((a) => areaName.get(a) ?? a).join(', ')
                        : t('admin.user.provinceWide')}
                    </td>
                    <td>
                      <span
                        className={`c2-admin__badge c2-admin__badge--${u.mfaEnrolled ? 'ok' : u.mfaRequired ? 'warn' : 'neutral'}`}
                      >
                        {u.mfaEnrolled
                          ? t('admin.user.mfaOn')
                          : u.mfaRequired
                            ? t('admin.user.mfaPending')
                            : t('admin.user.mfaOff')}
                      </span>
                    </td>
                    <td>
                      {u.disabled ? (
                        <span className="c2-admin__badge c2-admin__badge--danger">
                          {t('admin.user.disabled')}
                        </span>
                      ) : u.lockedUntil ? (
                        <span className="c2-admin__badge c2-admin__badge--danger">
                          {t('admin.user.lockedUntil', { time: when(u.lockedUntil, i18n.language) })}
                        </span>
                      ) : (
                        <span>{t('admin.user.sessions', { count: u.activeSessions })}</span>
                      )}
                    </td>
                    <td className="c2-admin__nowrap">{when(u.lastLoginAt, i18n.language)}</td>
                    <td>
                      <div className="c2-admin__actions">
                        <Button
                          size="sm"
                          onClick={() => setEditing(u)}
                          data-testid={testIds.admin.action('edit')}
                        >
                          {t('admin.user.edit')}
                        </Button>
                        {u.lockedUntil && (
                          <Button
                            size="sm"
                            onClick={() => run('unlock')}
                            data-testid={testIds.admin.action('unlock')}
                          >
                            {t('admin.user.unlock')}
                          </Button>
                        )}
                        {u.mfaEnrolled && (
                          <Button
                            size="sm"
                            onClick={() => run('resetMfa')}
                            data-testid={testIds.admin.action('reset-mfa')}
                          >
                            {t('admin.user.resetMfa')}
                          </Button>
                        )}
                        <Button
                          size="sm"
                          variant="danger"
                          disabled={u.activeSessions === 0}
                          onClick={() => run('forceLogout')}
                          data-testid={testIds.admin.action('force-logout')}
                        >
                          {t('admin.user.forceLogout')}
                        </Button>
                        <Button
                          size="sm"
                          variant="ghost"
                          onClick={() => update.mutate({ id: u.id, change: { disabled: !u.disabled } })}
                          data-testid={testIds.admin.action(u.disabled ? 'enable' : 'disable')}
                        >
                          {u.disabled ? t('admin.user.enable') : t('admin.user.disable')}
                        </Button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <Spinner label={t('app.loading')} />
      )}
    </Panel>
  );
}

const SCOPES: SharingScope[] = ['cameras', 'statistics'];

function SharingKeysPanel() {
  const { t, i18n } = useTranslation();
  const keys = useSharingKeys();
  const create = useCreateSharingKey();
  const revoke = useRevokeSharingKey();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({
    name: '',
    partner: '',
    days: '90',
    rate: '60',
    scopes: new Set<SharingScope>(SCOPES),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate(
      {
        name: form.name,
        partner: form.partner,
        scopes: [...form.scopes],
        expiresInDays: Number(form.days),
        ratePerMinute: Number(form.rate),
      },
      { onSuccess: () => setOpen(false) },
    );
  }

  return (
    <Panel
      title={t('admin.keys.title')}
      testId={testIds.admin.sharingKeys}
      actions={
        <Button
          size="sm"
          variant="primary"
          onClick={() => {
            create.reset();
            setOpen(true);
          }}
          data-testid={testIds.admin.newKey}
        >
          {t('admin.keys.new')}
        </Button>
      }
    >
      <p className="c2-admin__note">{t('admin.keys.intro')}</p>
      {create.data && (
        <div className="c2-admin__secret" role="status">
          <p>{t('admin.keys.secretOnce', { name: create.data.key.name })}</p>
          <code data-testid={testIds.admin.keySecret}>{create.data.secret}</code>
        </div>
      )}
      {open && (
        <form className="c2-admin__form" onSubmit={submit} data-testid={testIds.admin.keyForm} noValidate>
          <TextField
            label={t('admin.keys.name')}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
            data-testid={testIds.admin.field('key-name')}
          />
          <TextField
            label={t('admin.keys.partner')}
            value={form.partner}
            onChange={(e) => setForm({ ...form, partner: e.target.value })}
            data-testid={testIds.admin.field('key-partner')}
          />
          <TextField
            label={t('admin.keys.days')}
            type="number"
            min={1}
            max={366}
            value={form.days}
            onChange={(e) => setForm({ ...form, days: e.target.value })}
          />
          <TextField
            label={t('admin.keys.rate')}
            type="number"
            min={1}
            max={6000}
            value={form.rate}
            onChange={(e) => setForm({ ...form, rate: e.target.value })}
          />
          <fieldset className="c2-admin__scopes">
            <legend>{t('admin.keys.scopes')}</legend>
            {SCOPES.map((s) => (
              <label key={s}>
                <input
                  type="checkbox"
                  checked={form.scopes.has(s)}
                  onChange={(e) => {
                    const next = new Set(form.scopes);
                    if (e.target.checked) next.add(s);
                    else next.delete(s);
                    setForm({ ...form, scopes: next });
                  }}
                />
                {t(`admin.keys.scope.${s}`)}
              </label>
            ))}
          </fieldset>
          {create.error && (
            <p className="c2-admin__error" role="alert">
              {errorText(t, create.error)}
            </p>
          )}
          <div className="c2-admin__buttons">
            <Button type="submit" variant="primary" busy={create.isPending} data-testid={testIds.admin.save}>
              {t('admin.keys.create')}
            </Button>
            <Button variant="ghost" onClick={() => setOpen(false)}>
              {t('admin.cancel')}
            </Button>
          </div>
        </form>
      )}
      {keys.data ? (
        keys.data.length === 0 ? (
          <p className="c2-admin__note">{t('admin.keys.none')}</p>
        ) : (
          <table className="c2-admin__table">
            <thead>
              <tr>
                <th scope="col">{t('admin.keys.name')}</th>
                <th scope="col">{t('admin.keys.partner')}</th>
                <th scope="col">{t('admin.keys.scopes')}</th>
                <th scope="col">{t('admin.keys.rate')}</th>
                <th scope="col">{t('admin.keys.expires')}</th>
                <th scope="col">{t('admin.keys.lastUsed')}</th>
                <th scope="col">{t('admin.user.state')}</th>
                <th scope="col">{t('admin.user.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {keys.data.map((k) => (
                <tr key={k.id} data-testid={testIds.admin.keyRow} data-state={k.state}>
                  <td>{k.name}</td>
                  <td>{k.partner}</td>
                  <td>{k.scopes.map((s) => t(`admin.keys.scope.${s}`)).join(', ')}</td>
                  <td>{k.ratePerMinute}</td>
                  <td className="c2-admin__nowrap">{when(k.expiresAt, i18n.language)}</td>
                  <td className="c2-admin__nowrap">{when(k.lastUsedAt, i18n.language)}</td>
                  <td>
                    <span
                      className={`c2-admin__badge c2-admin__badge--${k.state === 'active' ? 'ok' : 'danger'}`}
                    >
                      {t(`admin.keys.state.${k.state}`)}
                    </span>
                  </td>
                  <td>
                    {k.state === 'active' && (
                      <Button
                        size="sm"
                        variant="danger"
                        busy={revoke.isPending && revoke.variables === k.id}
                        onClick={() => revoke.mutate(k.id)}
                        data-testid={testIds.admin.action('revoke-key')}
                      >
                        {t('admin.keys.revoke')}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : (
        <Spinner label={t('app.loading')} />
      )}
    </Panel>
  );
}
