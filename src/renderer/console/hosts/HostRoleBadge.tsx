import type { HostRoleView } from '../../../shared/protocol/host-role.ts';
import type { Translate } from '../labels/i18n.ts';
import { roleBadge } from './host-role-text.ts';

/**
 * In the status bar (issue 20): "STANDBY of http://…" on a standby's console, so no one takes it
 * for the primary; on a primary with a standby, its epoch and whether the standby is in step.
 */
export function HostRoleBadge({ t, view }: { t: Translate; view: HostRoleView | null }) {
  const badge = roleBadge(view);
  if (!badge || !view) return null;
  return (
    <span
      className={`host-role ${badge.tone}`}
      data-testid="host-role"
      data-role={view.role}
      title={view.self ?? undefined}
    >
      {t(badge.words.key, badge.words.params)}
    </span>
  );
}
