// `npm run report:board-colours`: the contrast of every text-on-background pair the board draws,
// in every theme, normally and under protanopia and deuteranopia (board-colours.ts).
import { colourTable, formatColourTable } from './board-colours.ts';

console.log(formatColourTable(colourTable()));
