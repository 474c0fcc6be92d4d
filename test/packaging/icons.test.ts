import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';

const resources = resolve(import.meta.dirname, '../../resources');

describe('app icons (resources/, made by test/packaging/make-icons.ts)', () => {
  it('has a 1024 px PNG with a transparent corner', () => {
    const png = PNG.sync.read(readFileSync(resolve(resources, 'icon.png')));
    expect([png.width, png.height]).toEqual([1024, 1024]);
    expect(png.data[3]).toBe(0);
    expect(png.data[(512 * 1024 + 512) * 4 + 3]).toBe(255);
  });

  it('has a Windows .ico with a 256 px image and a macOS .icns', () => {
    const ico = readFileSync(resolve(resources, 'icon.ico'));
    expect([...ico.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256);
    expect(sizes).toContain(256);
    const icns = readFileSync(resolve(resources, 'icon.icns'));
    expect(icns.subarray(0, 4).toString()).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
  });
});
