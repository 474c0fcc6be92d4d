import { GlLimitsSystem } from 'pixi.js';

/** The WebGL renderer's name ("ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device ...))", ...). */
export function webglRendererName(): string {
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  if (!gl) return '';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return name;
}

/** Whether WebGL runs on the CPU (SwiftShader, llvmpipe): every shaded pixel then costs CPU time. */
export function isSoftwareRenderer(name: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(name);
}

/**
 * Caps the textures Pixi's batch shader branches over. On a GPU sixteen are free; on a software
 * renderer every pixel pays for the branches, and one texture per batch doubled the frame rate
 * of the 1080p board (a few more draw calls instead). Call before the renderer is created.
 */
export function limitBatchTextures(max: number): void {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with its own `this` below
  const original = GlLimitsSystem.prototype.contextChange;
  GlLimitsSystem.prototype.contextChange = function (this: GlLimitsSystem) {
    original.call(this);
    this.maxBatchableTextures = Math.min(this.maxBatchableTextures, max);
  };
}
