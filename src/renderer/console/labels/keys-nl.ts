import type { keysEn } from './keys-en.ts';

/** The shortcut sheet's labels in Dutch, spread into labels-nl.ts. */
export const keysNl: Record<keyof typeof keysEn, string> = {
  'key.title': 'Sneltoetsen',
  'key.close': 'Sluiten (Esc)',
  'key.group.race': 'Tijdens de race',
  'key.group.entry': 'In de invoerregel',
  'key.group.outputs': 'Uitvoer',
  'key.group.general': 'Algemeen',
  'key.group.model': 'Zo werken de toetsen',
  'key.rule.space':
    'Koploper over de streep (bij het schot: start), waar de focus ook is: pagina, knoppen, lijsten, tabbladen, dialogen, een lege invoerregel. Alleen tekst die je typt krijgt een spatie.',
  'key.rule.plus':
    'Altijd een ronde, ook tijdens het typen in de invoerregel (niet in andere tekstvelden)',
  'key.rule.modes':
    'Kies de soort invoer (Shift+F: finishvolgorde vervangen), ook in een lege invoerregel: de letter wordt daar nooit getypt',
  'key.rule.escape': 'Esc wist de invoerregel; in een lege regel verlaat Esc hem',
  'key.rule.enter':
    'Enter verstuurt de invoer één keer; in een lege regel neemt Enter het getoonde voorstel van de tijdwaarneming over (na 0,6 s), of doet niets',
  'key.rule.undo':
    'Ongedaan maken neemt de nieuwste geaccepteerde regel terug (een geweigerde kwam er nooit in): de console zegt vooraf welke',
  'key.rule.notSent':
    'Een toets die je indrukt terwijl de host weg is, staat bij niet verstuurd, met de tijd, en wordt nooit vanzelf opnieuw verstuurd',
  'key.where.always': 'ook tijdens het typen',
  'key.where.notTyping': 'ook in een lege invoerregel',
  'key.where.digit': 'begint de invoerregel',
  'key.lapPlus': 'Ronde, ook tijdens het typen in de invoerregel',
  'key.lap': 'Start de race (bij het schot), daarna: koploper over de streep',
  'key.lapsUp': 'Ronden te gaan corrigeren: één meer',
  'key.lapsDown': 'Ronden te gaan corrigeren: één minder',
  'key.sprintMode': 'Sprintuitslag (de huidige sprint)',
  'key.finishMode': 'Finishvolgorde (aanvullen)',
  'key.finishReplaceMode': 'Finishvolgorde (vervangen)',
  'key.dnfMode': 'DNF: helmnummer en ronden',
  'key.dqMode': 'DQ',
  'key.lappedMode': 'Gedubbeld',
  'key.okMode': 'Terug in de race (status wissen)',
  'key.advanceMode': 'Doorplaatsing door de scheidsrechter (q)',
  'key.timeMode': 'Eindtijd',
  'key.digit': 'Begin helmnummers te typen',
  'key.undo': 'Ongedaan maken',
  'key.redo': 'Opnieuw',
  'key.confirm': 'Uitslag officieel maken',
  'key.reopen': 'Uitslag heropenen',
  'key.entrySend': 'Invoer versturen',
  'key.entryMode': 'Vorige / volgende soort invoer',
  'key.entryEscape': 'Invoer wissen; in een lege regel: verlaten',
  'key.entryWords':
    'Een eerste woord dat al in de regel staat (geplakt) kiest de soort: s1 s2 s3, f, fr, dnf, dq, lapped, ok, q, t',
  'key.scene': 'Bord: {scene}',
  'key.overlay': 'Overlay: {element} aan/uit',
  'key.help': 'Dit overzicht',
  'key.raceTab': 'Racebediening',
  'key.programTab': 'Programma',
  'key.startListTab': 'Startlijst',
  'key.journal': 'Journaal',
  'key.tab': 'Naar de volgende bedieningsknop',
};
