import { useParams } from 'react-router';
import { useSession } from '../../features/auth/api/session';
import { InvestigatePage } from '../../features/investigate/components/investigate-page';
import { CaseFilePage } from '../../features/investigate/components/case-file-page';
import { IdentityAccessLog } from '../../features/investigate/components/identity-access-log';

export function InvestigateRoute() {
  const session = useSession();
  if (!session.data) return null;
  return <InvestigatePage permissions={session.data.permissions} />;
}

export function CaseFileRoute() {
  const session = useSession();
  const { caseId } = useParams();
  if (!session.data || !caseId) return null;
  return <CaseFilePage key={caseId} caseId={caseId} permissions={session.data.permissions} />;
}

export function IdentityLogRoute() {
  return <IdentityAccessLog />;
}
