import { useState } from 'react';
import type { Reply } from '../../../shared/protocol/reply.ts';
import type { Translate } from '../labels/i18n.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { Refusal } from '../ui/Refusal.tsx';

/**
 * Take over as primary (issue 20), asked first. The host refuses (409) while the primary is still
 * heard: then its words are shown and a second, explicit question sends `force`. That second one
 * starts on Cancel, so a held or doubled Enter never forces a takeover.
 */
export function TakeOverDialog({
  t,
  takeOver,
  onClose,
}: {
  t: Translate;
  takeOver: (force: boolean) => Promise<Reply>;
  onClose: () => void;
}) {
  // The host's words when it refused because the primary is still heard: the force step.
  const [heard, setHeard] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const send = async (force: boolean) => {
    setSending(true);
    const reply = await takeOver(force);
    setSending(false);
    if (reply.ok) return onClose();
    if (!force && reply.status === 409) {
      setRefusal(null);
      setHeard(reply.error);
    } else setRefusal(reply.error);
  };
  if (heard === null)
    return (
      <Dialog key="ask" title={t('hosts.takeOver')} onClose={onClose} testId="takeover-dialog">
        <p>{t('hosts.takeOver.question')}</p>
        <Refusal t={t} error={refusal} testId="takeover-refusal" />
        <div className="dialog-buttons">
          <button
            type="button"
            className="primary"
            data-autofocus
            disabled={sending}
            onClick={() => void send(false)}
          >
            {t('hosts.takeOver.yes')}
          </button>
          <button type="button" onClick={onClose}>
            {t('cancel')}
          </button>
        </div>
      </Dialog>
    );
  return (
    <Dialog key="force" title={t('hosts.force.title')} onClose={onClose} testId="takeover-force">
      <p className="refusal" data-testid="takeover-heard">
        {heard}
      </p>
      <p>{t('hosts.force.question')}</p>
      <Refusal t={t} error={refusal} testId="takeover-refusal" />
      <div className="dialog-buttons">
        <button type="button" className="danger" disabled={sending} onClick={() => void send(true)}>
          {t('hosts.force.yes')}
        </button>
        <button type="button" data-autofocus onClick={onClose}>
          {t('cancel')}
        </button>
      </div>
    </Dialog>
  );
}
