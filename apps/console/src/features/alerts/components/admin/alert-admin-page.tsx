import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SegmentedControl } from '@c2/ui/components/segmented-control/segmented-control';
import { testIds } from '@c2/ui/test-ids';
import { OutboxView } from './outbox-view';
import { PolicyEditor } from './policy-editor';
import { RosterEditor } from './roster-editor';
import { RulesEditor } from './rules-editor';
import { SopEditor } from './sop-editor';
import './alert-admin.css';

const TABS = ['rules', 'sops', 'policies', 'roster', 'outbox'] as const;
type Tab = (typeof TABS)[number];

/** Administration of the alert loop; the tab is in the URL (`?tab=outbox`) so it can be linked. */
export function AlertAdminPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'rules';
  return (
    <div className="c2-admin" data-testid={testIds.alertAdmin.page}>
      <header className="c2-admin__bar">
        <h1>{t('alerts.admin.title')}</h1>
        <SegmentedControl<Tab>
          label={t('alerts.admin.title')}
          value={tab}
          onChange={(v) => setParams({ tab: v }, { replace: true })}
          options={TABS.map((x) => ({
            value: x,
            label: t(`alerts.admin.tabs.${x}`),
            testId: testIds.alertAdmin.tab(x),
          }))}
        />
      </header>
      {tab === 'rules' ? (
        <RulesEditor />
      ) : tab === 'sops' ? (
        <SopEditor />
      ) : tab === 'policies' ? (
        <PolicyEditor />
      ) : tab === 'roster' ? (
        <RosterEditor />
      ) : (
        <OutboxView />
      )}
    </div>
  );
}
