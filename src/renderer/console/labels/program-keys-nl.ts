import type { programKeysEn } from './program-keys-en.ts';

/**
 * The Program tab's keys and the reasons its forms give for doing nothing, and the loud
 * correction banner of the entry line (issue 19, part 4) in Dutch, spread into labels-nl.ts.
 */
export const programKeysNl: Record<keyof typeof programKeysEn, string> = {
  'key.group.program': 'Programma',
  'key.addRace': 'Race toevoegen: naar het veld Titel (Enter in elk veld voegt toe)',
  'key.activateRace':
    'Activeren: naar de knop Activeren van de volgende race; ↑ ↓ kiezen een andere race, Enter activeert',

  'program.nothingToActivate':
    'Niets te activeren: het programma heeft nog geen races. Voeg er een toe (A).',
  'program.onlyRace': 'Niets anders te activeren: “{race}” is de enige race. Voeg er een toe (A).',
  'program.activeHelp':
    'Alleen de eerste race die je toevoegt wordt vanzelf actief; elke andere race activeer je hier.',

  'addRace.noQualifiers': 'geen in een finale',
  'addRace.problem.title':
    'Niet toegevoegd: Titel is leeg. Typ de titel van de race, bijv. Mannen · Massastart · Halve finale 1.',
  'addRace.problem.qualifiersEmpty':
    'Niet toegevoegd: Plaatsen voor de finale is leeg. Typ hoeveel rijders doorgaan naar de finale (0 tot 100).',
  'addRace.problem.qualifiers':
    'Niet toegevoegd: Plaatsen voor de finale moet een heel getal van 0 tot 100 zijn, niet “{typed}”.',
  'addRace.addedActive':
    '“{race}” toegevoegd: het is de actieve race (de eerste race van het programma wordt vanzelf actief).',
  'addRace.addedInactive':
    '“{race}” toegevoegd. “{active}” is nog de actieve race: Shift+A en dan Enter activeert een andere.',

  'buildFinal.problem.same':
    'Niet gemaakt: Halve finale 2 is dezelfde race als Halve finale 1. Kies de andere halve finale.',
  'buildFinal.built': '“{race}” gemaakt. Shift+A en dan Enter activeert hem.',

  'entry.correcting.sprint':
    'CORRECTIE SPRINT {sprint} (geplaatst: {placed}) — Enter vervangt, Esc verlaat',
  'entry.correcting.finish':
    'FINISHVOLGORDE VERVANGEN (ingevoerd: {placed}) — Enter vervangt, Esc verlaat',
};
