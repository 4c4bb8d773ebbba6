import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@c2/ui/components/button/button';
import { testIds } from '@c2/ui/test-ids';
import { downloadCsv, toCsv } from './csv';
import { downloadXlsx, toXlsx } from './xlsx';

export interface Column<R> {
  header: string;
  /** The raw value, for the CSV and for sorting. */
  value: (row: R) => string | number | null;
  /** What the screen shows (formatted, maybe a link); the raw value when absent. */
  render?: (row: R) => ReactNode;
  numeric?: boolean;
}

/** A table with its CSV export; every dashboard table is one of these. */
export function DataTable<R>({
  name,
  title,
  columns,
  rows,
  fileName,
}: {
  name: string;
  title: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
  fileName: string;
}) {
  const { t } = useTranslation();
  return (
    <section className="c2-dash__table-wrap" aria-label={title}>
      <header className="c2-dash__table-head">
        <h3 className="c2-dash__chart-title">{title}</h3>
        <span className="c2-dash__spacer" />
        <Button
          size="sm"
          variant="ghost"
          data-testid={testIds.dashboards.csv(name)}
          onClick={() =>
            downloadCsv(
              fileName,
              toCsv(
                columns.map((c) => c.header),
                rows.map((r) => columns.map((c) => c.value(r))),
              ),
            )
          }
        >
          {t('dashboards.csv')}
        </Button>
        <Button
          size="sm"
          variant="ghost"
          data-testid={testIds.dashboards.xlsx(name)}
          onClick={() =>
            downloadXlsx(
              fileName.replace(/\.csv$/, '.xlsx'),
              toXlsx(
                title,
                columns.map((c) => c.header),
                rows.map((r) => columns.map((c) => c.value(r))),
              ),
            )
          }
        >
          {t('dashboards.xlsx')}
        </Button>
      </header>
      <table className="c2-dash__table" data-testid={testIds.dashboards.table(name)}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} className={c.numeric ? 'c2-dash__num' : undefined} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="c2-dash__muted">
                {t('dashboards.noData')}
              </td>
            </tr>
          ) : (
            rows.map((r, i) => (
              <tr key={i}>
                {columns.map((c) => (
                  <td key={c.header} className={c.numeric ? 'c2-dash__num' : undefined}>
                    {c.render ? c.render(r) : c.value(r)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
}
