import type { Translate } from '../labels/i18n.ts';
import type { Unsent } from './unsent.ts';
import type { Reply } from '../../../shared/protocol/reply.ts';

/** Why a command is on the list, in words. */
function reason(t: Translate, item: Unsent): string {
  if (item.refused !== null) return t('unsent.refused', { error: item.refused });
  if (item.unanswered) return t('unsent.unanswered', { error: item.error });
  return t('unsent.notSent', { error: item.error });
}

/**
 * Every key press the console could not deliver, with its time, until the operator sends it
 * again (one click, deliberately: nothing is sent again by itself) or dismisses it.
 */
export function UnsentList({
  t,
  unsent,
  connected,
  resend,
  dismiss,
}: {
  t: Translate;
  unsent: readonly Unsent[];
  connected: boolean;
  resend: (id: number) => Promise<Reply>;
  dismiss: (id: number | null) => void;
}) {
  if (unsent.length === 0) return null;
  return (
    <section className="unsent" aria-labelledby="unsent-heading" data-testid="unsent">
      <div className="panel-head">
        <h2 id="unsent-heading" role="alert">
          {t('unsent.title', { count: unsent.length })}
        </h2>
        <button type="button" className="small" onClick={() => dismiss(null)}>
          {t('unsent.dismissAll')}
        </button>
      </div>
      <p className="unsent-help">{t('unsent.help')}</p>
      <ol className="unsent-list">
        {unsent.map((item) => (
          <li
            key={item.id}
            className={`unsent-row${item.unanswered ? ' unanswered' : ''}`}
            data-testid="unsent-row"
          >
            <time className="time">{item.time}</time>
            <span className="origin">{item.origin}</span>
            <span className="what">{item.what}</span>
            <span className="why">{reason(t, item)}</span>
            {item.refused === null && (
              <button
                type="button"
                className="small"
                data-testid="unsent-send"
                disabled={!connected || item.sending}
                onClick={() => void resend(item.id)}
              >
                {item.sending ? t('sending') : t('unsent.send')}
              </button>
            )}
            <button
              type="button"
              className="small ghost"
              data-testid="unsent-dismiss"
              onClick={() => dismiss(item.id)}
            >
              {t('unsent.dismiss')}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
