import { describe, expect, it } from 'vitest';
import { emptyProgram, programFileSchema } from '../../../src/shared/program/program-file.ts';

describe('program.json is read leniently (issue 17)', () => {
  it('a setting or key the strict command schemas do not know is left out, not refused', () => {
    const written = JSON.parse(JSON.stringify(emptyProgram('WC Heerenveen'))) as Record<
      string,
      Record<string, unknown>
    >;
    written.display = { ...written.display, language: 'nl', boardGlow: true };
    written.timing = { ...written.timing, autoLaps: true, decoderModel: 'X2' };
    written.writtenBy = { version: '9.9' };
    const read = programFileSchema.parse(written);
    expect(read.display).toEqual({ ...emptyProgram().display, language: 'nl' });
    expect(read.timing).toEqual({ ...emptyProgram().timing, autoLaps: true });
    expect(read).not.toHaveProperty('writtenBy');
  });
});
