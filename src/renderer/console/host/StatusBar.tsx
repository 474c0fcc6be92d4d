import type { ReactNode } from 'react';
import type { ConnectionState } from '../../shared/host-client.ts';
import type { Translate } from '../labels/i18n.ts';
import type { LastError } from './use-host.ts';

/** Always in view: the host connection, commands in flight, the last refusal. */
export function StatusBar({
  t,
  meeting,
  connection,
  pending,
  unsent = 0,
  lastError,
  onLanguage,
  onHelp,
  onRehearse,
  children,
}: {
  t: Translate;
  meeting: string;
  connection: ConnectionState;
  pending: number;
  /** Commands that did not reach the host, listed under the status bar. */
  unsent?: number;
  lastError: LastError | null;
  onLanguage: () => void;
  onHelp: () => void;
  onRehearse: () => void;
  /** More status next to the connection (the timing feed's). */
  children?: ReactNode;
}) {
  return (
    <header className="statusbar">
      <span
        className={`connection ${connection}`}
        data-testid="connection"
        data-state={connection}
        role="status"
      >
        <span className="dot" aria-hidden="true" /> {t('connection')}:{' '}
        {t(`connection.${connection}`)}
      </span>
      {children}
      <span className={pending > 0 ? 'pending busy' : 'pending'} data-testid="pending">
        {t('pending')}: {pending}
      </span>
      {unsent > 0 && (
        <span className="unsent-count" data-testid="unsent-count" role="status">
          {t('unsent.count', { count: unsent })}
        </span>
      )}
      <span className="meeting">{meeting}</span>
      <span
        className={lastError ? 'last-error has-error' : 'last-error'}
        data-testid="last-error"
        aria-live="polite"
      >
        {t('lastError')}:{' '}
        {lastError ? `${lastError.time} ${lastError.origin}: ${lastError.error}` : t('noErrors')}
      </span>
      <span className="statusbar-buttons">
        <button type="button" className="small" onClick={onRehearse}>
          {t('rehearse')}
        </button>
        <button
          type="button"
          className="small"
          onClick={onLanguage}
          lang={t('switchLanguage') === 'English' ? 'en' : 'nl'}
        >
          {t('switchLanguage')}
        </button>
        <button type="button" className="small" onClick={onHelp} aria-keyshortcuts="?">
          {t('shortcuts')} <kbd>?</kbd>
        </button>
      </span>
    </header>
  );
}
