/**
 * The Program tab's keys and the reasons its forms give for doing nothing, and the loud
 * correction banner of the entry line (issue 19, part 4), spread into labels-en.ts.
 */
export const programKeysEn = {
  'key.group.program': 'Program',
  'key.addRace': 'Add race: to its Title field (Enter in any field adds)',
  'key.activateRace':
    'Activate: to the next race’s Activate button; ↑ ↓ pick another race, Enter activates',

  'program.nothingToActivate': 'Nothing to activate: the program has no races yet. Add one (A).',
  'program.onlyRace': 'Nothing else to activate: “{race}” is the only race. Add one (A).',
  'program.activeHelp':
    'Only the first race added becomes active by itself; any other race is activated here.',

  'addRace.noQualifiers': 'none in a final',
  'addRace.problem.title':
    'Not added: Title is empty. Type the race’s title, e.g. Men · Mass Start · Semi-final 1.',
  'addRace.problem.qualifiersEmpty':
    'Not added: Qualifiers is empty. Type how many skaters go through to the final (0 to 100).',
  'addRace.problem.qualifiers':
    'Not added: Qualifiers must be a whole number from 0 to 100, not “{typed}”.',
  'addRace.addedActive':
    'Added “{race}”: it is the active race (the first race of the program becomes active by itself).',
  'addRace.addedInactive':
    'Added “{race}”. “{active}” is still the active race: Shift+A, then Enter, activates another.',

  'buildFinal.problem.same':
    'Not built: Semi-final 2 is the same race as Semi-final 1. Choose the other semi-final.',
  'buildFinal.built': 'Built “{race}”. Shift+A, then Enter, activates it.',

  'entry.correcting.sprint':
    'CORRECTING SPRINT {sprint} (placed: {placed}) — Enter replaces, Esc leaves',
  'entry.correcting.finish':
    'REPLACING THE FINISH ORDER (recorded: {placed}) — Enter replaces, Esc leaves',
} as const;
