import { useRef, useState, type Ref } from 'react';
import { flushSync } from 'react-dom';
import type { RaceCommand, Skater } from '../../../shared/race/events.ts';
import type { RaceView } from '../../../shared/race/view.ts';
import type { Translate } from '../labels/i18n.ts';
import { Refusal } from '../ui/Refusal.tsx';
import { ScanTransponders } from './ScanTransponders.tsx';
import { SkaterEditForm } from './SkaterEditForm.tsx';
import { SkaterName } from './SkaterName.tsx';
import { StartListImport } from './StartListImport.tsx';
import type { SendRace } from '../host/use-host.ts';

/**
 * The active race's start list: import, edit a skater, withdraw one (DNS) or reinstate them,
 * scan (or type) every skater's transponder in start-list order.
 */
export function StartListPanel({
  t,
  race,
  send,
  headingRef,
}: {
  t: Translate;
  race: RaceView | null;
  send: SendRace;
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const [editing, setEditing] = useState<number | null>(null);
  const [error, setError] = useState<{ bib: number; text: string } | null>(null);
  const [scanning, setScanning] = useState(false);
  const [scanned, setScanned] = useState<number | null>(null);
  const scanButton = useRef<HTMLButtonElement>(null);
  if (!race) return <section className="panel">{t('noActiveRace')}</section>;
  const { state } = race;
  const run = async (bib: number, command: RaceCommand) => {
    const outcome = await send({ commands: [command] });
    setError(outcome.ok ? null : { bib, text: outcome.error });
    return outcome.ok;
  };
  const save = async (skater: Skater, changes: Partial<Skater>) => {
    if (await run(skater.bib, { type: 'skater/edited', bib: skater.bib, ...changes }))
      setEditing(null);
  };
  return (
    <section className="panel startlist" aria-labelledby="startlist-heading">
      <h2 id="startlist-heading" ref={headingRef} tabIndex={-1}>
        {t('startList')} <span className="muted">· {state.title}</span>
      </h2>
      {scanning ? (
        <ScanTransponders
          t={t}
          skaters={state.skaters}
          save={(bib, transponder) =>
            send({ commands: [{ type: 'skater/edited', bib, transponder }] })
          }
          onClose={(count) => {
            flushSync(() => {
              setScanning(false);
              setScanned(count);
            });
            scanButton.current?.focus();
          }}
        />
      ) : (
        state.skaters.length > 0 && (
          <p className="row">
            <button
              type="button"
              ref={scanButton}
              data-testid="scan-start"
              onClick={() => {
                setScanned(null);
                setScanning(true);
              }}
            >
              {t('scan.start')}
            </button>
            {scanned !== null && (
              <span className="ok" role="status">
                {t('scan.done', { count: scanned })}
              </span>
            )}
          </p>
        )
      )}
      {state.skaters.length === 0 ? (
        <p className="muted">{t('emptyStartList')}</p>
      ) : (
        <table data-testid="start-list">
          <thead>
            <tr>
              <th scope="col">{t('col.bib')}</th>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('nation')}</th>
              <th scope="col">{t('transponder')}</th>
              <th scope="col">{t('col.status')}</th>
              <th scope="col">
                <span className="sr-only">{t('edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {state.skaters.map((skater) => {
              const status = state.status[skater.bib] ?? 'OK';
              if (editing === skater.bib) {
                return (
                  <tr key={skater.bib}>
                    <td colSpan={6}>
                      <SkaterEditForm
                        t={t}
                        skater={skater}
                        onSave={(changes) => void save(skater, changes)}
                        onCancel={() => setEditing(null)}
                      />
                      {error?.bib === skater.bib && <Refusal t={t} error={error.text} />}
                    </td>
                  </tr>
                );
              }
              return (
                <tr key={skater.bib} className={status === 'OK' ? undefined : 'out'}>
                  <td className="bib">{skater.bib}</td>
                  <td>
                    <SkaterName skater={skater} />
                  </td>
                  <td>{skater.nation}</td>
                  <td>{skater.transponder ?? ''}</td>
                  <td>
                    {status === 'OK' ? '' : status}
                    {error?.bib === skater.bib && <Refusal t={t} error={error.text} />}
                  </td>
                  <td className="actions">
                    <button type="button" className="small" onClick={() => setEditing(skater.bib)}>
                      {t('edit')}
                    </button>
                    {/* Withdraw (DNS) or reinstate: one button, the status it sets. */}
                    <button
                      type="button"
                      className={status === 'DNS' ? 'small' : 'small danger'}
                      onClick={() =>
                        void run(skater.bib, {
                          type: 'skater/statusChanged',
                          bib: skater.bib,
                          status: status === 'DNS' ? 'OK' : 'DNS',
                        })
                      }
                    >
                      {t(status === 'DNS' ? 'reinstate' : 'withdraw')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <StartListImport t={t} race={race} send={send} />
    </section>
  );
}
