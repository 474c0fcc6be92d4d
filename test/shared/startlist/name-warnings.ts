// The import's words for a skater without a family name (issue 19, part 2), as tests expect them.

/** The whole-file line that says how a start list gives family names. */
export const noFamilyHint = (count: number) => ({
  line: null,
  field: 'name',
  message: `${count === 1 ? '1 skater has' : `${count} skaters have`} no family name: give first name and last name columns, or write the family name in capitals ("BERGSMA Jorrit", "CHUNG Jae-won")`,
});

/** The line of one skater without a family name. */
export const noFamily = (line: number, bib: number, name: string, unit = 'line') => ({
  line,
  field: 'name',
  message: `${unit} ${line}: #${bib} ${name}: no family name: the board shows the whole name`,
});
