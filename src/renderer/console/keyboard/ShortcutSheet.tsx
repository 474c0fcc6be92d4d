import { Dialog } from '../ui/Dialog.tsx';
import type { LabelParams, Translate } from '../labels/i18n.ts';
import { entryKeys, keyBindings, keyRules, whereLabel, type KeyBinding } from './keymap.ts';

/** The sheet's sections: how the keys work first (issue 9), then the keys by group. */
const groups: readonly ('model' | KeyBinding['group'])[] = [
  'model',
  'race',
  'entry',
  'outputs',
  'program',
  'general',
];

/** Scene and overlay names inside a key's label, in the console's language. */
function labelParams(t: Translate, params: LabelParams | undefined): LabelParams | undefined {
  if (!params) return undefined;
  const scene = params.scene;
  const element = params.element;
  if (typeof scene === 'string') return { scene: t(`scene.${scene}` as Parameters<Translate>[0]) };
  if (typeof element === 'string')
    return { element: t(`overlay.${element}` as Parameters<Translate>[0]) };
  return params;
}

/** The shortcut sheet (?): every key of the console, from the same table the console uses. */
export function ShortcutSheet({ t, onClose }: { t: Translate; onClose: () => void }) {
  return (
    <Dialog title={t('key.title')} onClose={onClose} testId="shortcut-sheet">
      <div className="sheet">
        {groups.map((group) => {
          const rows: { keys: readonly string[]; text: string; where?: string }[] =
            group === 'model'
              ? keyRules.map((row) => ({ keys: row.keys, text: t(row.label) }))
              : group === 'entry'
                ? entryKeys.map((row) => ({ keys: row.keys, text: t(row.label) }))
                : keyBindings
                    .filter((binding) => binding.group === group && binding.keys.length > 0)
                    .map((binding) => ({
                      keys: binding.keys,
                      text: t(binding.label, labelParams(t, binding.params)),
                      where: t(whereLabel(binding)),
                    }));
          return (
            <section key={group} className={`sheet-${group}`}>
              <h3>{t(`key.group.${group}`)}</h3>
              <dl>
                {rows.map((row) => (
                  <div key={`${row.keys.join()}|${row.text}`} className="sheet-row">
                    <dt>
                      {row.keys.map((key, index) => (
                        <kbd key={`${key}-${index}`}>{key}</kbd>
                      ))}
                    </dt>
                    <dd>
                      {row.text}
                      {row.where && <span className="where"> ({row.where})</span>}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          );
        })}
      </div>
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          {t('key.close')}
        </button>
      </div>
    </Dialog>
  );
}
