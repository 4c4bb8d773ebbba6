import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@c2/api-client/schemas/role';
import { EmptyState } from '@c2/ui/components/empty-state/empty-state';
import { testIds } from '@c2/ui/test-ids';
import { useSession } from '../../features/auth/api/session';

/** Shows a page only to users holding the permission (the BFF enforces; this spares a page of 403s). */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  if (!session.data?.permissions.includes(permission))
    return <EmptyState title={t('app.forbidden')} testId={testIds.app.forbidden} />;
  return <>{children}</>;
}
