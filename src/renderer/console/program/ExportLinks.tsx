import type { Translate } from '../labels/i18n.ts';

/** Where a race's results can be downloaded (issue 11), with the view token. */
export function exportUrls(raceId: string, viewToken: string) {
  const token = `token=${encodeURIComponent(viewToken)}`;
  const race = `/api/v1/races/${encodeURIComponent(raceId)}`;
  return {
    pdf: `${race}/results.pdf?${token}`,
    report: `${race}/report.pdf?${token}`,
    csv: `${race}/results.csv?${token}`,
    csvSemicolon: `${race}/results.csv?delimiter=semicolon&${token}`,
    json: `${race}/results.json?${token}`,
    sheet: `${race}/sheet.json?${token}`,
  };
}

/** The meeting's export (every race's PDF and CSV, and the meeting's JSON) as one zip. */
export const meetingExportUrl = (viewToken: string) =>
  `/api/v1/meeting/export.zip?token=${encodeURIComponent(viewToken)}`;

/**
 * Export of a race's results: the official results sheet (PDF), the race report (PDF: timeline,
 * corrections, lap chart; issue 21), CSV (comma, or semicolon for spreadsheet programs set to
 * Dutch and other European locales), JSON and the race sheet. The files come from the host's
 * API; without the view token (the Electron app without its HTTP server) the menu's File > Export
 * results and File > Race report do it.
 */
export function ExportLinks({
  t,
  raceId,
  viewToken,
}: {
  t: Translate;
  raceId: string;
  viewToken: string | null;
}) {
  if (!viewToken) return <span className="muted">{t('exportFromMenu')}</span>;
  const urls = exportUrls(raceId, viewToken);
  return (
    <span className="export-links" data-testid={`export-${raceId}`}>
      <a href={urls.pdf} download>
        {t('exportPdf')}
      </a>{' '}
      <a href={urls.report} download title={t('exportReportTitle')}>
        {t('exportReport')}
      </a>{' '}
      <a href={urls.csv} download>
        CSV
      </a>{' '}
      <a href={urls.csvSemicolon} download title={t('exportCsvSemicolon')}>
        CSV ;
      </a>{' '}
      <a href={urls.json} download>
        JSON
      </a>{' '}
      <a href={urls.sheet} download title={t('exportSheet')}>
        {t('exportSheetShort')}
      </a>
    </span>
  );
}
