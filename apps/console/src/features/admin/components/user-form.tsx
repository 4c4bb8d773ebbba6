import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '@c2/api-client/schemas/role';
import type { AdminUser } from '@c2/api-client/schemas/admin';
import type { Area } from '@c2/api-client/schemas/map';
import { Button } from '@c2/ui/components/button/button';
import { TextField } from '@c2/ui/components/text-field/text-field';
import { testIds } from '@c2/ui/test-ids';
import { errorText, fieldErrors } from '../../../lib/error-text';

export interface UserFormValue {
  username: string;
  displayName: string;
  role: Role;
  /** Empty: province-wide. */
  areas: string[];
  password: string;
}

/** Create an account (username, name, role, areas, first password) or change one (name, role, areas). */
export function UserForm({
  user,
  areas,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  user: AdminUser | null;
  areas: readonly Area[];
  busy: boolean;
  error: unknown;
  onSubmit: (value: UserFormValue) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState<UserFormValue>({
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    role: user?.role ?? 'operator',
    areas: user?.areas ?? [],
    password: '',
  });
  const fields = fieldErrors(t, error);
  const message = error ? errorText(t, error) : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    onSubmit(value);
  }
  return (
    <form className="c2-admin__form" onSubmit={submit} data-testid={testIds.admin.userForm} noValidate>
      {!user && (
        <TextField
          label={t('admin.user.username')}
          value={value.username}
          autoComplete="off"
          onChange={(e) => setValue({ ...value, username: e.target.value })}
          error={fields.username ?? null}
          hint={t('admin.user.usernameHint')}
          data-testid={testIds.admin.field('username')}
        />
      )}
      <TextField
        label={t('admin.user.displayName')}
        value={value.displayName}
        onChange={(e) => setValue({ ...value, displayName: e.target.value })}
        error={fields.displayName ?? null}
        data-testid={testIds.admin.field('displayName')}
      />
      <label className="c2-admin__select">
        <span>{t('admin.user.role')}</span>
        <select
          value={value.role}
          onChange={(e) => setValue({ ...value, role: e.target.value as Role })}
          data-testid={testIds.admin.field('role')}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="c2-admin__select">
        <span>{t('admin.user.areas')}</span>
        <select
          multiple
          size={6}
          value={value.areas}
          onChange={(e) => setValue({ ...value, areas: [...e.target.selectedOptions].map((o) => o.value) })}
          data-testid={testIds.admin.field('areas')}
        >
          {areas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <small>{value.areas.length === 0 ? t('admin.user.provinceWide') : t('admin.user.areasHint')}</small>
      </label>
      {!user && (
        <TextField
          label={t('admin.user.password')}
          type="password"
          autoComplete="new-password"
          value={value.password}
          onChange={(e) => setValue({ ...value, password: e.target.value })}
          error={fields.password ?? null}
          hint={t('admin.user.passwordHint')}
          data-testid={testIds.admin.field('password')}
        />
      )}
      {message && (
        <p className="c2-admin__error" role="alert">
          {message}
        </p>
      )}
      <div className="c2-admin__buttons">
        <Button type="submit" variant="primary" busy={busy} data-testid={testIds.admin.save}>
          {user ? t('admin.save') : t('admin.user.create')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('admin.cancel')}
        </Button>
      </div>
    </form>
  );
}
