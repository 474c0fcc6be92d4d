import { useState, type Ref } from 'react';
import type { Reply } from '../../../shared/protocol/reply.ts';
import type { Translate } from '../labels/i18n.ts';
import { Refusal } from '../ui/Refusal.tsx';
import { checkPrimaryAddress, checkToken, type Words } from './host-role-text.ts';

/**
 * "Run as standby of …" (issue 20): the primary's address and control token, checked here before
 * anything is sent (a wrong one sends nothing and says what is wrong); the host's refusal (another
 * meeting, a wrong token, a primary out of reach) is shown as the host words it.
 */
export function FollowForm({
  t,
  self,
  follow,
  refusal,
  sending,
  addressRef,
}: {
  t: Translate;
  /** This host's own address (it cannot follow itself). */
  self: string | null;
  follow: (primary: string, token: string) => Promise<Reply>;
  refusal: string | null;
  sending: boolean;
  addressRef?: Ref<HTMLInputElement>;
}) {
  const [address, setAddress] = useState('');
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<Words | null>(null);
  const [following, setFollowing] = useState<string | null>(null);
  const submit = async () => {
    const primary = checkPrimaryAddress(address, self);
    const checked = primary.ok ? checkToken(token) : primary;
    if (!primary.ok || !checked.ok) {
      setProblem(primary.ok ? (checked.ok ? null : checked.problem) : primary.problem);
      return;
    }
    setProblem(null);
    setFollowing(null);
    setAddress(primary.value);
    const reply = await follow(primary.value, checked.value);
    if (reply.ok) {
      setToken('');
      setFollowing(primary.value);
    }
  };
  return (
    <form
      className="host-follow"
      aria-labelledby="host-follow-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 id="host-follow-heading">{t('hosts.follow.title')}</h3>
      <p className="muted">{t('hosts.follow.help')}</p>
      <div className="row">
        <label>
          {t('hosts.follow.address')}{' '}
          <input
            ref={addressRef}
            type="text"
            data-testid="follow-address"
            size={28}
            spellCheck={false}
            autoComplete="off"
            placeholder={t('hosts.follow.addressPlaceholder')}
            value={address}
            aria-invalid={problem !== null && problem.key.startsWith('hosts.address')}
            onChange={(event) => setAddress(event.target.value)}
          />
        </label>
        <label>
          {t('hosts.follow.token')}{' '}
          <input
            type="text"
            data-testid="follow-token"
            size={20}
            spellCheck={false}
            autoComplete="off"
            value={token}
            aria-invalid={problem !== null && problem.key.startsWith('hosts.token')}
            onChange={(event) => setToken(event.target.value)}
          />
        </label>
        <button type="submit" className="primary" data-testid="follow-submit" disabled={sending}>
          {t('hosts.follow.submit')}
        </button>
      </div>
      {problem && (
        <p className="refusal" role="alert" data-testid="follow-problem">
          {t(problem.key, problem.params)}
        </p>
      )}
      <Refusal t={t} error={refusal} testId="follow-refusal" />
      {following && !refusal && (
        <p className="ok" role="status" data-testid="follow-done">
          {t('hosts.follow.done', { primary: following })}
        </p>
      )}
    </form>
  );
}
