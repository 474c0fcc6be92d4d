/** How an output is shaped; each class has its own designed layout, never a squashed one. */
export type AspectClass = 'wide' | 'standard' | 'ribbon';

/** A rectangle in virtual pixels. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The virtual canvas the scenes lay out in, and how it maps onto the output. */
export interface Viewport {
  readonly aspect: AspectClass;
  /** Virtual size: 1080 high (wide, standard) or 256 high (LED ribbon); width follows the output. */
  readonly width: number;
  readonly height: number;
  /** Output pixels per virtual pixel (uniform: nothing is stretched). */
  readonly scale: number;
  /** The area inside the safe-area / overscan margin. */
  readonly safe: Box;
}

/** Virtual height of screens and of LED ribbons. */
export const screenHeight = 1080;
export const ribbonHeight = 256;

/** Wide from 16:10 up; a ribbon from 3:1 up (LED boards round a stadium); below 16:10 the 4:3 layout. */
export function aspectClassOf(width: number, height: number): AspectClass {
  const aspect = width / Math.max(1, height);
  if (aspect >= 3) return 'ribbon';
  return aspect >= 1.55 ? 'wide' : 'standard';
}

/**
 * The virtual canvas for an output of `width` x `height` device pixels. The height is fixed per
 * class and the width follows the output, so 1920x1080 and 3840x2160 share one layout at two
 * scales, and 21:9 gets more room rather than a stretched 16:9.
 */
export function viewportFor(width: number, height: number, safeArea: number): Viewport {
  const aspect = aspectClassOf(width, height);
  const virtualHeight = aspect === 'ribbon' ? ribbonHeight : screenHeight;
  const scale = height / virtualHeight;
  const virtualWidth = width / scale;
  // LED ribbons have no overscan: a small, even margin; screens take the host's safe area.
  const marginY =
    aspect === 'ribbon' ? Math.min(virtualHeight * safeArea * 0.5, 10) : virtualHeight * safeArea;
  const marginX = aspect === 'ribbon' ? marginY : virtualWidth * safeArea;
  return {
    aspect,
    width: virtualWidth,
    height: virtualHeight,
    scale,
    safe: {
      x: marginX,
      y: marginY,
      width: virtualWidth - 2 * marginX,
      height: virtualHeight - 2 * marginY,
    },
  };
}
