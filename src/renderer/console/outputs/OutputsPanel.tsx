import { useEffect, useRef, useState } from 'react';
import type {
  BoardScene,
  Output,
  OverlayElement,
  ProgramCommand,
  ProgramView,
} from '../../../shared/protocol/program.ts';
import type { Translate } from '../labels/i18n.ts';
import type { Reply } from '../../../shared/protocol/reply.ts';
import { boardLanguageSchema, type BoardLanguage } from '../../../shared/board/labels.ts';
import { keyBindings } from '../keyboard/keymap.ts';
import { BoardWordsForm, boardLanguageNames } from './BoardWordsForm.tsx';

/** Board scenes in key order (Shift+1..4, Shift+0). */
export const boardScenes: readonly { scene: BoardScene; key: string }[] = [
  { scene: 'startList', key: 'Shift+1' },
  { scene: 'live', key: 'Shift+2' },
  { scene: 'sprint', key: 'Shift+3' },
  { scene: 'results', key: 'Shift+4' },
  { scene: 'blank', key: 'Shift+0' },
];

/**
 * Overlay elements in button order: the gap bug beside the laps bug (issue 21), the breakaway
 * lower third after the other lower thirds. Each button shows its key where the keymap has one.
 */
export const overlayElements: readonly OverlayElement[] = [
  'lapsToGo',
  'gap',
  'standings',
  'sprint',
  'result',
  'needs',
  'breakaway',
];

/** The shortcut of an overlay element from the console's one key table; null: none. */
function overlayKey(element: OverlayElement): string | null {
  return keyBindings.find((binding) => binding.action === `overlay:${element}`)?.keys[0] ?? null;
}

/** The output at its own resolution, scaled down to the panel: the real renderer, small. */
function ScaledFrame({
  src,
  title,
  width = 1280,
  height = 720,
}: {
  src: string;
  title: string;
  width?: number;
  height?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(0.25);
  useEffect(() => {
    const element = box.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setScale(element.clientWidth / width));
    observer.observe(element);
    return () => observer.disconnect();
  }, [width]);
  return (
    <div className="preview" ref={box} style={{ aspectRatio: `${width} / ${height}` }}>
      <iframe
        src={src}
        title={title}
        tabIndex={-1}
        width={width}
        height={height}
        style={{ transform: `scale(${scale})` }}
      />
    </div>
  );
}

/** Whether an output follows the race by itself, or shows a manual cut (held, or auto off). */
function AutoState({
  t,
  output,
  scenes,
}: {
  t: Translate;
  output: Output;
  scenes: ProgramView['scenes'];
}) {
  const text = !scenes.auto[output]
    ? t('manualOnly')
    : scenes.held[output]
      ? t('heldManual')
      : t('autoOn');
  const kind = !scenes.auto[output] ? 'manual' : scenes.held[output] ? 'held' : 'auto';
  return (
    <span className={`auto-state ${kind}`} data-testid={`${output}-auto-state`}>
      {text}
    </span>
  );
}

/** The auto switch of an output: on, the output cuts by itself as the race's phases come. */
function AutoSwitch({
  t,
  output,
  auto,
  onChange,
}: {
  t: Translate;
  output: Output;
  auto: boolean;
  onChange: (output: Output, auto: boolean) => void;
}) {
  return (
    <label className="inline auto-switch">
      <input
        type="checkbox"
        data-testid={`${output}-auto`}
        checked={auto}
        onChange={(event) => onChange(output, event.target.checked)}
      />{' '}
      {t('followRace')}
    </label>
  );
}

/** Outputs: live previews of the board and the overlay, what each shows, and the cuts. */
export function OutputsPanel({
  t,
  program,
  viewToken,
  actions,
  error,
}: {
  t: Translate;
  program: ProgramView;
  viewToken: string | null;
  actions: {
    scene(scene: BoardScene): void;
    overlay(element: OverlayElement, visible: boolean): void;
    boardLanguage(language: BoardLanguage): void;
    program(command: ProgramCommand, origin: string): Promise<Reply>;
  };
  error: string | null;
}) {
  const { scenes, display } = program;
  const [autoError, setAutoError] = useState<string | null>(null);
  const setAuto = (output: Output, auto: boolean) =>
    void actions
      .program({ type: 'output/auto', output, auto }, t('outputs'))
      .then((outcome) => setAutoError(outcome.ok ? null : outcome.error));
  const shownError = error ?? autoError;
  const shown = overlayElements
    .filter((element) => scenes.overlay[element])
    .map((element) => t(`overlay.${element}`));
  const token = encodeURIComponent(viewToken ?? '');
  return (
    <section className="panel outputs" aria-labelledby="outputs-heading">
      <h2 id="outputs-heading">{t('outputs')}</h2>
      <div className="output-pair">
        <div className="output">
          <h3>
            {t('board')}{' '}
            <span className="shows" data-testid="board-scene">
              {t('boardShows', { scene: t(`scene.${scenes.board}`) })}
            </span>{' '}
            <AutoState t={t} output="board" scenes={scenes} />
          </h3>
          <AutoSwitch t={t} output="board" auto={scenes.auto.board} onChange={setAuto} />
          {viewToken ? (
            <ScaledFrame src={`/board/?token=${token}`} title={t('board')} />
          ) : (
            <p className="muted">{t('previewUnavailable')}</p>
          )}
          <div className="scene-buttons" role="group" aria-label={t('board')}>
            {boardScenes.map(({ scene, key }) => (
              <button
                key={scene}
                type="button"
                aria-pressed={scenes.board === scene}
                onClick={() => actions.scene(scene)}
              >
                {t(`scene.${scene}`)} <kbd>{key}</kbd>
              </button>
            ))}
          </div>
        </div>
        <div className="output">
          <h3>
            {t('overlay')}{' '}
            <span className="shows" data-testid="overlay-elements">
              {t('overlayShows', { elements: shown.join(', ') || t('nothing') })}
            </span>{' '}
            <AutoState t={t} output="overlay" scenes={scenes} />
          </h3>
          <AutoSwitch t={t} output="overlay" auto={scenes.auto.overlay} onChange={setAuto} />
          {viewToken ? (
            <ScaledFrame src={`/board/?output=overlay&token=${token}`} title={t('overlay')} />
          ) : null}
          <div className="scene-buttons" role="group" aria-label={t('overlay')}>
            {overlayElements.map((element) => {
              const key = overlayKey(element);
              return (
                <button
                  key={element}
                  type="button"
                  aria-pressed={scenes.overlay[element]}
                  onClick={() => actions.overlay(element, !scenes.overlay[element])}
                >
                  {t(`overlay.${element}`)}
                  {key && (
                    <>
                      {' '}
                      <kbd>{key}</kbd>
                    </>
                  )}
                </button>
              );
            })}
          </div>
        </div>
      </div>
      <label className="inline">
        {t('boardLanguage')}{' '}
        <select
          data-testid="board-language"
          value={display.language}
          onChange={(event) => actions.boardLanguage(boardLanguageSchema.parse(event.target.value))}
        >
          {boardLanguageSchema.options.map((language) => (
            <option key={language} value={language}>
              {boardLanguageNames[language]}
            </option>
          ))}
        </select>
      </label>{' '}
      <span className="inline" role="radiogroup" aria-label={t('boardLayout')}>
        {t('boardLayout')}{' '}
        {(['far', 'dense'] as const).map((layout) => (
          <label key={layout} className="inline">
            <input
              type="radio"
              name="board-layout"
              data-testid={`board-layout-${layout}`}
              checked={display.boardLayout === layout}
              onChange={() =>
                void actions
                  .program({ type: 'display/configured', boardLayout: layout }, t('outputs'))
                  .then((outcome) => setAutoError(outcome.ok ? null : outcome.error))
              }
            />{' '}
            {t(`boardLayout.${layout}`)}
          </label>
        ))}
      </span>
      <BoardWordsForm
        t={t}
        language={display.language}
        labels={display.labels}
        send={(command, origin) => actions.program(command, origin)}
      />
      <p className="inline public-feed">
        {t('publicFeed')}{' '}
        <button
          type="button"
          data-testid="public-feed"
          aria-pressed={program.publicFeed}
          onClick={() =>
            void actions
              .program({ type: 'public/configured', enabled: !program.publicFeed }, t('outputs'))
              .then((outcome) => setAutoError(outcome.ok ? null : outcome.error))
          }
        >
          {t(program.publicFeed ? 'publicFeedOn' : 'publicFeedOff')}
        </button>{' '}
        {program.publicFeed && (
          <a href="/public/" target="_blank" rel="noreferrer">
            /public/
          </a>
        )}
      </p>
      {shownError && (
        <p className="refusal" role="alert" data-testid="outputs-refusal">
          <strong>{t('refused')}:</strong> {shownError}
        </p>
      )}
    </section>
  );
}
